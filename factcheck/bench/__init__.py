"""`factcheck bench`: speed, memory and agreement of the NLI engine beside its peers, and of the pipeline.

Every contender runs in a fresh subprocess (``factcheck.bench.worker``) so that
its peak resident memory is its own and thread pools do not carry over.
"""
