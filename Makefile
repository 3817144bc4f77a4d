# Conveniences around the two README commands.
.PHONY: run test lint bench
run:
	./run
test:
	./test
lint:
	.venv/bin/ruff check .
bench:
	.venv/bin/python bench/run_all.py
