"""Where articles come from: files and folders on disk (text and Markdown)."""
