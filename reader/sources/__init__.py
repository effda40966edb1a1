"""Where articles come from: files and folders on disk (text, Markdown, HTML), turned into documents."""
