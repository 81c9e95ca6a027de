"""Text cleanup: headline and dateline splitting, page-furniture removal."""
