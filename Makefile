# draftkit — the two commands a new user runs:
#   make demo   create .venv, install draftkit, render every example into out/
#   make test   install the test dependencies (Python packages, and the Debian packages
#               the tests drive when run as root), run ruff, mypy --strict and pytest, and
#               build the documentation site (make docs: mkdocs --strict into site/)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
EXAMPLES := $(filter-out examples/draftkit.yaml examples/merge-%.yaml,$(wildcard examples/*.yaml))

.PHONY: system-packages demo test lint typecheck pytest wheel-check benchmarks docs docs-pages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.docs-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $@

demo: $(VENV)/.installed
	@mkdir -p out
	@for spec in $(EXAMPLES); do \
	  name=$$(basename $$spec .yaml); \
	  for fmt in docx md txt; do \
	    $(BIN)/draftkit render $$spec -o out/$$name.$$fmt --force || exit 1; \
	  done; \
	done
	$(BIN)/draftkit render examples/coalition-president.yaml -o out/coalition-president-house-style.docx \
	  --reference examples/house-style.docx --force
	$(BIN)/draftkit merge examples/merge-committee.yaml --recipients examples/recipients/senators.csv \
	  -o out/merge-committee/ --combined --force --quiet
	@echo "Rendered $(words $(EXAMPLES)) examples into out/ (.docx, .md, .txt), one in a house style,"
	@echo "and a mail merge to three senators in out/merge-committee/."

lint: $(VENV)/.test-installed
	$(BIN)/ruff check draftkit tests benchmarks scripts setup.py

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy draftkit

pytest: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q

# pandoc, LibreOffice Writer and poppler for the tests that drive them (apt-get, as root)
system-packages:
	@bash scripts/install_system_packages.sh

# the documentation site is built too, so a broken link or a page left out of the nav fails
test: system-packages lint typecheck pytest docs

# Build the wheel, install it in a clean venv and render an example with it, so that
# missing package data cannot hide behind the editable install.
wheel-check: $(VENV)/.test-installed
	rm -rf build/wheel-check build/wheel-check.log dist
	mkdir -p build
	$(BIN)/python -m build --wheel --outdir dist . > build/wheel-check.log 2>&1 \
	  || { cat build/wheel-check.log; exit 1; }
	@if grep -iE 'deprecat|BuildBackendWarning' build/wheel-check.log; then \
	  echo "wheel-check: building the wheel printed a warning (above)"; exit 1; fi
	$(PYTHON) -m venv build/wheel-check/venv
	build/wheel-check/venv/bin/python -m pip install dist/*.whl > build/wheel-check/pip.log 2>&1 \
	  || { cat build/wheel-check/pip.log; exit 1; }
	@if grep -iE 'deprecat|BuildBackendWarning' build/wheel-check/pip.log; then \
	  echo "wheel-check: pip install printed a warning (above)"; exit 1; fi
	$(PYTHON) scripts/check_wheel.py dist/*.whl templates
	cd build/wheel-check && venv/bin/python -c "from draftkit.shipped import SHIPPED_TEMPLATES as t; assert 'site-packages' in str(t), t"
	cd build/wheel-check && venv/bin/draftkit render ../../examples/coalition-president.yaml -o letter.docx --force
	cd build/wheel-check && venv/bin/draftkit render ../../examples/secretary-of-state.yaml -o letter.txt --force
	build/wheel-check/venv/bin/python -c "import docx; d = docx.Document('build/wheel-check/letter.docx'); assert any(p.style.name == 'Ask' for p in d.paragraphs)"
	@echo "wheel-check: the built wheel carries templates/ and LICENSE, installs without warnings and renders examples"

benchmarks: $(VENV)/.installed
	$(BIN)/python benchmarks/render.py
	$(BIN)/python benchmarks/merge.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/clauses.py

# The documentation site: docs/ and the API reference from docstrings, built by mkdocs
# (Material theme, mkdocstrings) into site/. --strict fails on any warning: a broken link
# or anchor, a page missing from the nav, a docstring that cannot be read. (Not --quiet:
# it hides the warnings from --strict too.)
docs: $(VENV)/.docs-installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# Regenerate the generated pages (cli.md, spec-reference.md, spec-schema.json,
# reference.md, protocol-offices.md, examples.md) and the example pictures in
# docs/images (needs LibreOffice and poppler).
docs-pages: $(VENV)/.installed
	$(BIN)/python scripts/make_docs.py

clean:
	rm -rf $(VENV) out build dist site .pytest_cache .mypy_cache .ruff_cache
