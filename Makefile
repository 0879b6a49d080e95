# Planbook: `make site` builds the study into site/, `make test` runs every test, `make bench` the benchmarks.
# Each target first installs the system libraries it needs (Debian packages, with sudo when not root).

SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libgraphviz-dev pkg-config
SITE_CHECK := .build/site-check

.PHONY: all deps planbook site test check-site bench clean

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

## test: the whole test suite, then a check that the committed site/ is what Reports/ builds to.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) --no-print-directory check-site

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

clean:
	$(SWIFT) package clean
	rm -rf $(SITE_CHECK)
