#!/usr/bin/env python3
"""Generate the Jupyter Book 1.x equivalent of the seed study for `make bench-peer`:
  site-jb/      Jupyter Book 1.x (MyST .md, _config.yml), 4 pages, next to this file
Usage: gen.py [--freeze]   (--freeze: jupyter-cache mode, the analogue of Planbook's cache)
(From ../shared/peer/jupyter-book/, which measured issue 15's table; its Quarto and notebook outputs are left out.)
"""
import json, os, sys, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
COMMON = open(os.path.join(HERE, "common_code.py")).read()
ns = {}
exec(COMMON, ns)  # to pre-compute the literal DOT text for the native {dot}/{graphviz} cells
FREEZE = "--freeze" in sys.argv

# A page is a list of blocks: ("md", text) | ("code", src, role) | ("dot", dot, caption)
#   role: "hidden" (run, show nothing), "output" (show output only), "params" (show source, tagged)
def page_proposed_like(plan_var, title, blurb):
    plan = ns[plan_var]
    return [
        ("md", f"# {title}\n\n{blurb}\n\nAll numbers on this page are computed by the code cells "
               "below when the site is built; change `batch` in the parameters cell to re-run the study."),
        ("code", "batch = 128   # sequences per step\nseq = 10000   # tokens per sequence", "params"),
        ("code", COMMON, "hidden"),
        ("code", f"plan = {plan_var}\nprint(plan)\nprint(M)", "output"),
        ("md", "## Placement\n\nWhich GPU holds expert *e* of layer *l*."),
        ("code", "display(placement_table(plan))", "output"),
        ("md", "## Tensor shapes\n\nGlobal shapes for a prefill of `batch x seq` tokens versus what one GPU holds."),
        ("code", "display(shapes_table(plan, batch, seq))", "output"),
        ("md", "## Memory and roofline\n\nWeights and KV cache per GPU, and a roofline estimate of one decode step."),
        ("code", "display(html_table(['quantity', 'value'], summary_rows(plan, batch, seq)))", "output"),
        ("md", "## Deployment DAG (a): Python cell calling `dot -Tsvg`"),
        ("code", "dot_src = dag_dot(plan)\nprint(f'{dot_src.count(chr(10))} lines of DOT, {dot_src.count(\"->\")} edges')\nshow_dot(dot_src)", "output"),
        ("md", "## Deployment DAG (b): native diagram cell\n\nThe same DOT text, pasted as a literal diagram cell (such cells cannot read Python variables)."),
        ("dot", ns["dag_dot"](plan), f"{title}: deployment DAG"),
        ("md", "## Notes\n\nThis page is part of a paper companion. The model is a toy; the roofline ignores overlap of "
               "compute and communication and assumes perfect load balance across experts."),
    ]

PAGES = {
    "index": ("MoE deployment study", [
        ("md", "# MoE deployment study\n\nCompanion site for a study of two ways to deploy a 16-layer, 16-expert "
               "Mixture-of-Experts model on 16 GPUs: expert parallelism (EP16) and tensor x pipeline parallelism (TP8 x PP2)."),
        ("code", COMMON, "hidden"),
        ("code", textwrap.dedent("""\
            total = M.layers * (attn_params() + router_params() + M.experts * expert_params()) + 2 * embed_params()
            active = M.layers * (attn_params() + router_params() + M.top_k * expert_params()) + 2 * embed_params()
            rows = [("layers", M.layers), ("experts / layer", M.experts), ("hidden", M.hidden), ("FFN", M.ffn),
                    ("top-k", M.top_k), ("total parameters", f"{total/1e9:.2f} B"),
                    ("active parameters / token", f"{active/1e9:.2f} B"),
                    ("weights (BF16)", gib(total * M.dtype_bytes))]
            for p in (PROPOSED, BASELINE):
                rows.append((f"{p.name}: decode tokens/s @ batch 128", f"{decode_step(p, 128, 10000)['tok_s']:,.0f}"))
            display(html_table(["quantity", "value"], rows, "Overview"))"""), "output"),
        ("md", "## Pages\n\n- [Proposed plan (EP16)](proposed.html)\n- [Baseline plan (TP8 x PP2)](baseline.html)\n"
               "- [Comparison and batch sweep](comparison.html)"),
    ]),
    "proposed": ("Proposed: EP16", page_proposed_like("PROPOSED", "Proposed plan: EP16",
        "Expert parallelism: expert *e* of every layer lives on GPU *e*; attention runs data-parallel on all 16 GPUs "
        "and tokens travel to their experts by all-to-all.")),
    "baseline": ("Baseline: TP8 x PP2", page_proposed_like("BASELINE", "Baseline plan: TP8 x PP2",
        "Tensor x pipeline parallelism: stage 0 holds layers 0-7 on GPUs 0-7 and stage 1 holds layers 8-15 on GPUs 8-15; "
        "every expert is sharded 8-way inside its stage.")),
    "comparison": ("Comparison", [
        ("md", "# Comparison\n\nBoth plans side by side at the batch size in the parameters cell, then a sweep over batch sizes."),
        ("code", "batch = 128\nseq = 10000", "params"),
        ("code", COMMON, "hidden"),
        ("code", textwrap.dedent("""\
            a, b = summary_rows(PROPOSED, batch, seq), summary_rows(BASELINE, batch, seq)
            display(html_table(["quantity", PROPOSED.name, BASELINE.name],
                               [(x[0], x[1], y[1]) for x, y in zip(a, b)], f"batch={batch}, seq={seq}"))"""), "output"),
        ("md", "## Batch-size sweep"),
        ("code", textwrap.dedent("""\
            sizes = [2**i for i in range(9)]
            sweep = {p.name: [decode_step(p, s, seq) for s in sizes] for p in (PROPOSED, BASELINE)}
            try:
                import matplotlib.pyplot as plt
                fig, ax = plt.subplots(1, 2, figsize=(9, 3.5))
                for name, ds in sweep.items():
                    ax[0].plot(sizes, [d["tok_s"] for d in ds], marker="o", label=name)
                    ax[1].plot(sizes, [d["step"] * 1e3 for d in ds], marker="o", label=name)
                for x, yl in zip(ax, ["tokens/s", "decode step (ms)"]):
                    x.set_xscale("log", base=2); x.set_xlabel("batch"); x.set_ylabel(yl); x.grid(alpha=.3)
                ax[0].legend(); fig.tight_layout(); display(fig); plt.close(fig)
            except ImportError:
                pass
            display(html_table(["batch"] + [f"{n} tok/s" for n in sweep],
                               [[s] + [f"{sweep[n][i]['tok_s']:,.0f}" for n in sweep] for i, s in enumerate(sizes)]))"""), "output"),
    ]),
}
ORDER = ["index", "proposed", "baseline", "comparison"]

def w(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

# ---------------- Jupyter Book 1.x (MyST) ----------------
def myst(title, blocks):
    out = ["---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n"
           "kernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n"]
    for b in blocks:
        if b[0] == "md":
            out.append(b[1].replace(".html)", ".md)") + "\n")
        elif b[0] == "code":
            tag = {"hidden": "remove-cell", "output": "remove-input", "params": "parameters"}[b[2]]
            out.append(f"```{{code-cell}} ipython3\n:tags: [{tag}]\n\n{b[1].rstrip()}\n```\n")
        elif b[0] == "dot":
            out.append(f"```{{graphviz}}\n:caption: {b[2]}\n\n{b[1]}\n```\n")
    return "\n".join(out)

jdir = os.path.join(HERE, "site-jb")
w(os.path.join(jdir, "_config.yml"), textwrap.dedent(f"""\
    title: MoE deployment study
    author: study
    only_build_toc_files: true
    execute:
      execute_notebooks: {"cache" if FREEZE else "force"}
      timeout: 600
    sphinx:
      extra_extensions: [sphinx.ext.graphviz]
      config:
        graphviz_output_format: svg
    """))
w(os.path.join(jdir, "_toc.yml"), "format: jb-book\nroot: index\nchapters:\n- file: proposed\n- file: baseline\n- file: comparison\n")
for name in ORDER:
    w(os.path.join(jdir, name + ".md"), myst(*PAGES[name]))

print("generated site-jb/  (freeze=%s)" % FREEZE)
