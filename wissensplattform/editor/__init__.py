"""The form editor at `/bearbeiten/`: Decap CMS, configured from the one schema."""
