"""Reading articles from files, folders and stdin, and writing JSONL output."""
