"""Reading: articles from files, folders, HTML and stdin, with their language, site furniture,
sentences and word tokens."""
