"""Natural language inference: loading, batched inference, training, evaluation."""
