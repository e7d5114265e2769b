"""Tools: what each command does, as a library call (validate options, read, render, write)."""
