"""Child processes that open untrusted PDFs: the extraction child (import) and the render child (the viewer).

PDFium and the readers run on bytes from vendors, so they run away from the process that holds the register's key:
in a child started with a clean environment (no passphrase, nothing of the user's but the locale), with resource
limits (address space, processor time, no file writes, no core dumps), talking over its stdin and stdout only.
`process.py` starts and talks to a child; `limits.py` holds the limits; `extract_child.py` and `render_child.py` are
the children's main loops. Nothing here imports Qt, the register, the GUI or the CLI.
"""
