"""Attributed statements: quotes, reported speech, speakers and stances."""
