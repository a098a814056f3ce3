"""Assemble a training corpus of English prose for the confusion-set classifier.

The corpus is made only from public repositories whose licence allows it (public domain, CC0, MIT, BSD,
Apache-2.0, PSF), each pinned to an exact commit in ``SOURCES`` below. The repositories are read from local
bare mirrors (``MIRROR_DIR/<owner>+<name>/repo``, as the team's ``fetch`` leaves them) with ``git`` object
reads (``git ls-tree`` and ``git cat-file --batch``, the batch form of ``git show COMMIT:path``); nothing is
fetched from the network. Each source document is turned into plain prose paragraphs by one of four
extractors:

* ``markdown``: drops front matter, fenced and indented code, HTML tags and comments, tables, images, link
  targets, headings, shortcodes and template tags, and list items shorter than a sentence;
* ``rst`` (PEPs, Sphinx documentation): drops the PEP header, directives (keeping the text of admonitions),
  literal and code blocks, doctests, field lists, tables, section titles, targets and substitutions, and
  reduces roles and inline markup to their text (``:func:`x``` -> ``x``);
* ``gutenberg``: keeps the text between the ``*** START OF`` and ``*** END OF`` markers and drops
  transcriber's and producer's notes, illustration tags and headings;
* ``html``: the text of ``p`` elements.

Every paragraph then passes a prose filter (enough words, mostly ordinary English words, ends like a sentence,
little code punctuation) and an exact-duplicate filter over the whole run (templates repeated in many design
documents are kept once). The output is one UTF-8 file per source document,
``OUT_DIR/<source-name>/<path>.txt``, one paragraph per line with blank lines between paragraphs.

Usage::

    python scripts/training_corpus.py MIRROR_DIR OUT_DIR [--only NAME ...]

The run is deterministic: files are read in sorted path order and sources in table order, so the same
mirrors give byte-identical output. Held-out and evaluation sets (see scripts/TRAINING_SOURCES.md) are not
in the table and must not be added to it.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


@dataclass(frozen=True)
class Source:
    """One repository (or part of one) taken into the corpus."""

    name: str  # output folder under OUT_DIR
    mirror: str  # folder under MIRROR_DIR: owner+name
    commit: str  # exact commit read
    path_re: str  # files taken: re.fullmatch against the path in the repository
    kind: str  # extractor: markdown, rst, gutenberg, html
    licence: str  # as found in the repository
    note: str  # what was taken, and the file that states the licence
    modern: bool = True  # written after 1950
    exclude_re: str = ""  # files dropped even if path_re matches (re.search)
    require_re: str = ""  # keep a file only if its raw text matches (re.search), e.g. a per-file licence


_MD = r".*\.(md|markdown|mdx)"
_PEP_PD = r"(?is)\nCopyright\n=+\n.{0,400}?(public domain|CC0)"
_PG = "public domain in the USA (metadata.yaml 'rights: Public domain in the USA.'; LICENSE: PG licence)"
_EIP_CC0 = r"(?i)waived via \[?CC0"

SOURCES: tuple[Source, ...] = (
    # --- language and protocol design documents -------------------------------------------------------
    Source(
        "python-peps",
        "python+peps",
        "ba4deeb7969588d937da609008d05bb83a47b1ab",
        r"peps/pep-\d{4}\.rst",
        "rst",
        "public domain or CC0 (per PEP)",
        "PEPs whose own Copyright section places them in the public domain or under CC0; others skipped",
        require_re=_PEP_PD,
    ),
    Source(
        "rust-rfcs",
        "rust-lang+rfcs",
        "354518a8c9025f40be6f730452c1bfe71a12dc22",
        r"text/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "accepted RFCs, text/",
    ),
    Source(
        "ethereum-eips",
        "ethereum+EIPs",
        "f767a1e8078e17c9b381a91d35a09492189ede1b",
        r"EIPS/eip-\d+\.md",
        "markdown",
        "CC0-1.0 (LICENSE.md; each EIP: 'waived via CC0')",
        "EIPs whose text states the CC0 waiver",
        require_re=_EIP_CC0,
    ),
    Source(
        "ethereum-ercs",
        "ethereum+ERCs",
        "9c718c7c02372a6b7e300990511cd6fdff7f1dfa",
        r"ERCS/erc-\d+\.md",
        "markdown",
        "CC0-1.0 (LICENSE.md; each ERC: 'waived via CC0')",
        "ERCs whose text states the CC0 waiver",
        require_re=_EIP_CC0,
    ),
    Source(
        "swift-evolution",
        "apple+swift-evolution",
        "a4e4e8cf4f6ae98737bd45e023e18a2f299a700f",
        r"(proposals|visions)/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE.txt)",
        "Swift Evolution proposals, visions",
    ),
    Source(
        "go-proposal",
        "golang+proposal",
        "f6e2e6b7f89c932d16aaa20b2aabddd599e5b468",
        r"design/.*\.md",
        "markdown",
        "BSD-3-Clause (LICENSE)",
        "Go design documents, design/",
    ),
    Source(
        "kotlin-keep",
        "Kotlin+KEEP",
        "974e3d22d6f2d06ed0be3256e8a79905a9522a3e",
        r"proposals/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Kotlin Evolution and Enhancement Process",
    ),
    Source(
        "dart-language",
        "dart-lang+language",
        "635df9ba8b6a76d8212adfcf0b290a359b2dbabd",
        r".*\.md",
        "markdown",
        "BSD-3-Clause (LICENSE: 'applies to all parts of this repository')",
        "Dart language design documents and feature specifications",
        exclude_re=r"(^|/)CHANGELOG\.md$",
    ),
    Source(
        "tensorflow-rfcs",
        "tensorflow+community",
        "185530183d8f3734795beb520d02b8265c230a12",
        r"(rfcs|governance|sigs)/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "TensorFlow RFCs, governance, SIG pages",
    ),
    Source(
        "otel-spec",
        "open-telemetry+opentelemetry-specification",
        "1377f53b2bc0683c45169b8f20fd973eb4d59419",
        r"(specification|oteps|supplementary-guidelines)/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "OpenTelemetry specification and enhancement proposals",
    ),
    Source(
        "jupyter-jeps",
        "jupyter+enhancement-proposals",
        "adc5b88d17f8b93740238e665865b632ab590934",
        r".*/.*\.md",
        "markdown",
        "BSD-3-Clause (LICENSE)",
        "Jupyter Enhancement Proposals",
    ),
    Source(
        "rust-wg-async",
        "rust-lang+wg-async",
        "13b7a38be02f9ae3df3e1284717a525543dc90d9",
        r"(src|rfc-drafts)/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "async working group: vision document, status-quo and shiny-future stories",
    ),
    Source(
        "kubernetes-keps",
        "kubernetes+enhancements",
        "64765b4b02389318f2113119dd9e491479f978a0",
        r"keps/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Kubernetes Enhancement Proposals, keps/",
    ),
    Source(
        "kubernetes-community",
        "kubernetes+community",
        "24e7d8f5409c1a0121394a613746e524f781e044",
        _MD,
        "markdown",
        "Apache-2.0 (LICENSE)",
        "governance, contributor guides, SIG charters and design notes",
        exclude_re=r"(^|/)(OWNERS|SECURITY_CONTACTS|CHANGELOG)|^generator/",
    ),
    Source(
        "openshift-enhancements",
        "openshift+enhancements",
        "1313bd4787e45e2a2bca50d4f058d920f7d82ceb",
        r"enhancements/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "OpenShift enhancement proposals",
    ),
    # --- books, references and guides -------------------------------------------------------------------
    Source(
        "rust-book",
        "rust-lang+book",
        "917544888a55e4da7109bdba8c88c893c0da70f4",
        r"src/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "The Rust Programming Language",
    ),
    Source(
        "rust-reference",
        "rust-lang+reference",
        "3b38834b39f732c64686f7c64aa29dcf3cd83ba5",
        r"src/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "The Rust Reference",
    ),
    Source(
        "rust-nomicon",
        "rust-lang+nomicon",
        "cc6a6bae8c3bfa389974e533c54694662c1a9de6",
        r"src/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "The Rustonomicon",
    ),
    Source(
        "rust-by-example",
        "rust-lang+rust-by-example",
        "898f0ac1479223d332309e0fce88d44b39927d28",
        r"src/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "Rust by Example",
    ),
    Source(
        "rust-edition-guide",
        "rust-lang+edition-guide",
        "c3c0f0b3da26610138b7ba7663f60cd2c68cf184",
        r"src/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "The Rust Edition Guide",
    ),
    Source(
        "rustc-dev-guide",
        "rust-lang+rustc-dev-guide",
        "2cbf04342b4611800be07d4942db42be824cd899",
        r"src/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "rustc development guide",
    ),
    Source(
        "rust-forge",
        "rust-lang+rust-forge",
        "4a6c16c29461b7a921103d54a3dbdc4b294fdeeb",
        r"src/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "Rust Forge",
    ),
    Source(
        "rust-lang-team",
        "rust-lang+lang-team",
        "cf7fec8b0fb6b9ad85b0cb3d50566f0b0847f8f9",
        _MD,
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "lang team design notes and minutes",
    ),
    Source(
        "rust-compiler-team",
        "rust-lang+compiler-team",
        "5222c61f9e8612d5f208ce49c27d30e1bfcf4ea9",
        r"content/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "compiler team pages and minutes",
    ),
    Source(
        "kotlin-docs",
        "JetBrains+kotlin-web-site",
        "72a34b63180685b5f46f994b4b257d376907d739",
        r"docs/topics/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Kotlin documentation, docs/topics/",
    ),
    Source(
        "numpy-docs",
        "numpy+numpy",
        "1f90bbb55e65e7de68921bc3f1a2d94492fdf689",
        r"doc/(neps|source)/.*\.rst",
        "rst",
        "BSD-3-Clause (LICENSE.txt)",
        "NumPy Enhancement Proposals and the user/developer documentation (release notes skipped)",
        exclude_re=r"doc/source/release/|/_templates/",
    ),
    Source(
        "sqlalchemy-docs",
        "sqlalchemy+sqlalchemy",
        "f35da7e2b9349a08b8de1f6bd3b07c8bf8616790",
        r"doc/build/.*\.rst",
        "rst",
        "MIT (LICENSE)",
        "SQLAlchemy documentation (changelog skipped)",
        exclude_re=r"doc/build/changelog/",
    ),
    Source(
        "cargo-book",
        "rust-lang+cargo",
        "af373f761aa4e42b093c2e453078fd73c8ce54dd",
        r"doc/(book|contrib)/src/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "The Cargo Book and Cargo contributor guide",
    ),
    Source(
        "opensearch-docs",
        "opensearch-project+documentation-website",
        "cf95a341c9b617c96ca8773b258512a18b93ab6b",
        r"_[a-z-]+/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "OpenSearch documentation",
        exclude_re=r"^_(includes|layouts|sass|data)/",
    ),
    Source(
        "fastapi-docs",
        "fastapi+fastapi",
        "c3f316b7e814667e8ee81e03a7330d00ee61e45c",
        r"docs/en/docs/.*\.md",
        "markdown",
        "MIT (LICENSE)",
        "FastAPI documentation, English",
        exclude_re=r"release-notes\.md$",
    ),
    Source(
        "scipy-docs",
        "scipy+scipy",
        "3dbf660a919b1479cdf30d533176053b428d08d3",
        r"doc/source/.*\.rst",
        "rst",
        "BSD-3-Clause (LICENSE.txt)",
        "SciPy documentation (release notes skipped)",
        exclude_re=r"doc/source/(release|_templates)/",
    ),
    Source(
        "astropy-docs",
        "astropy+astropy",
        "1fdfae1fe1881234e08855ac662dae86e538ed7c",
        r"docs/.*\.rst",
        "rst",
        "BSD-3-Clause (LICENSE.rst)",
        "Astropy documentation (changelog skipped)",
        exclude_re=r"^docs/(changes|whatsnew)/",
    ),
    Source(
        "grpc-proposals",
        "grpc+proposal",
        "1fd061ad8e7c46422b326e5a60cf68d042476205",
        r"[^/]+\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "gRPC design proposals",
        exclude_re=r"^(README|CONTRIBUTING|GOVERNANCE|TEMPLATE)\.md$",
    ),
    Source(
        "argo-cd-docs",
        "argoproj+argo-cd",
        "37ee0097cf851bc2dd7665fc081bbce61a7e836e",
        r"docs/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Argo CD documentation and proposals",
        exclude_re=r"docs/user-guide/commands/",
    ),
    Source(
        "nats-docs",
        "nats-io+nats.docs",
        "98856081c8843d9fa238b3ea96e1f72d07f31113",
        _MD,
        "markdown",
        "Apache-2.0 (LICENSE)",
        "NATS documentation",
    ),
    Source(
        "prometheus-docs",
        "prometheus+docs",
        "c105550aad07161f62d02e305ed09799ec6025fa",
        r"(blog|docs)/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Prometheus documentation and blog",
    ),
    Source(
        "linkerd-site",
        "linkerd+website",
        "93f001753363bba09eafd81e290512f89f4697ed",
        r"linkerd\.io/content/(blog|2-edge|what-is-a-service-mesh|design-principles|faq|going-to-production)/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Linkerd blog and current (2-edge) documentation; older versions skipped",
    ),
    Source(
        "vitess-site",
        "vitessio+website",
        "ad92a7c1ae28a1fd510ab2349f83d72f0f34b3b5",
        r"content/en/(blog|docs/(22\.0|design-docs|faq|contributing|troubleshoot|learning-resources))/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Vitess blog, design documents and current (22.0) documentation",
    ),
    Source(
        "iceberg-docs",
        "apache+iceberg",
        "7f879b11366e17a676a03f15247a821751415529",
        r"(docs/docs|format|site/docs)/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Apache Iceberg documentation and spec",
    ),
    Source(
        "deno-docs",
        "denoland+docs",
        "eb8f78e90dbc72f3b3ab7dcd85609622379b5bca",
        r"(runtime|deploy|examples|subhosting)/.*\.mdx?",
        "markdown",
        "MIT (LICENSE)",
        "Deno documentation",
    ),
    Source(
        "rust-project-goals",
        "rust-lang+rust-project-goals",
        "44ee4db7e818e4ffc7b9f7faadb90316fc0a56f2",
        r"src/.*\.md",
        "markdown",
        "MIT (LICENSE)",
        "Rust project goals",
    ),
    Source(
        "python-devguide",
        "python+devguide",
        "0d5fbc08982dcc4ef2057ea7919e986465b44182",
        r".*\.rst",
        "rst",
        "CC0-1.0 (LICENSE)",
        "Python Developer's Guide",
    ),
    Source(
        "pytest-docs",
        "pytest-dev+pytest",
        "df87db7b0462fb764ef73fa00561adf8ad047572",
        r"doc/en/.*\.rst",
        "rst",
        "MIT (LICENSE)",
        "pytest documentation (changelog and announcements skipped)",
        exclude_re=r"doc/en/(announce/|changelog)",
    ),
    Source(
        "sympy-docs",
        "sympy+sympy",
        "e950d313a932bc6cccbc95376b3821cd2f8b5af4",
        r"doc/src/.*\.(rst|md)",
        "rst",
        "BSD-3-Clause (LICENSE)",
        "SymPy documentation",
    ),
    Source(
        "drf-docs",
        "encode+django-rest-framework",
        "751a19fe1b237beca9af7d587fce55d3e09d3741",
        r"docs/.*\.md",
        "markdown",
        "BSD-2-Clause (LICENSE.md)",
        "Django REST framework documentation",
        exclude_re=r"release-notes|/community/(jobs|funding|third-party)",
    ),
    Source(
        "hf-course",
        "huggingface+course",
        "16af5667532d6966f0fe83f44cc848dd7698a215",
        r"chapters/en/.*\.mdx?",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Hugging Face course, English chapters",
    ),
    # --- blogs -------------------------------------------------------------------------------------------
    Source(
        "rust-blog",
        "rust-lang+blog.rust-lang.org",
        "0243724c2e50ad2b7ebd3d9dbc7cd88aed7605a3",
        r"content/.*\.md",
        "markdown",
        "MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)",
        "Rust blog and Inside Rust blog posts",
    ),
    Source(
        "flink-blog",
        "apache+flink-web",
        "aa5b0b18dc0ae74cd3f97bca518fc46124e1927a",
        r"docs/content/(posts|what-is-flink|how-to-contribute)/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Apache Flink blog posts and project pages (English; content.zh skipped)",
    ),
    Source(
        "abseil-site",
        "abseil+abseil.github.io",
        "ffa890f7714d182e0257ca2821a32dbe2eaa6bab",
        r"(_posts|tips|docs|about|community|fast)/.*\.md",
        "markdown",
        "Apache-2.0 (LICENSE)",
        "Abseil C++ Tips of the Week, Performance Hints, blog posts and guides",
    ),
    # --- United States government (public domain / CC0) -------------------------------------------------
    Source(
        "uswds-site",
        "uswds+uswds-site",
        "284e0976332d4e958ac1baf986180276dd4cbbcb",
        _MD,
        "markdown",
        "public domain (US government work) + CC0 (LICENSE.md)",
        "U.S. Web Design System guidance (its blog posts, some cross-posted on the 18F blog, skipped)",
        exclude_re=r"(^|/)(CHANGELOG|README|CONTRIBUTING)\.md$|^_posts/|^pages/about/(contribute|website-policies)",
    ),
    Source(
        "tts-handbook",
        "18F+handbook",
        "1e4955634d0369f17e5bbc0ebbf8f62e2a3dfe4b",
        r"pages/.*\.md",
        "markdown",
        "public domain (US government work) + CC0 (LICENSE.md)",
        "GSA Technology Transformation Services handbook (pages quoting the 18F blog skipped)",
        exclude_re=r"pages/(CONTRIBUTING|about|18f/history-and-values|getting-started/classes/writing-lab|office-of-operations/blogging)\.md$",
    ),
    Source(
        "cloud-gov-site",
        "cloud-gov+cg-site",
        "536b459f25dc541450f8b02675b32584196a05fd",
        r"(_posts|_docs|_pages|_kbarticles|_kbarticlespages)/.*\.md",
        "markdown",
        "public domain (US government work) + CC0 (LICENSE.md)",
        "cloud.gov documentation, knowledge base, news",
    ),
    # --- Project Gutenberg (GITenberg mirrors), 1890-1922; none of the reserved or held-out books ------------
    Source(
        "gutenberg-62",
        "GITenberg+A-Princess-of-Mars_62",
        "c7b902f4a5aee8b36069d097d788f563a83adccd",
        r"62\.txt",
        "gutenberg",
        _PG,
        "A Princess of Mars (1912), PG #62",
        modern=False,
    ),
    Source(
        "gutenberg-2641",
        "GITenberg+A-Room-with-a-View_2641",
        "90bad31bed449399805e2362384131a48cf52826",
        r"2641\-0\.txt",
        "gutenberg",
        _PG,
        "A Room with a View (1908), PG #2641",
        modern=False,
    ),
    Source(
        "gutenberg-35461",
        "GITenberg+A-Short-History-of-the-World_35461",
        "f2ea8e6bca83b40e7446f8478b292359d2f6e5d6",
        r"35461\.txt",
        "gutenberg",
        _PG,
        "A Short History of the World (1922), PG #35461",
        modern=False,
    ),
    Source(
        "gutenberg-45",
        "GITenberg+Anne-of-Green-Gables_45",
        "c786c2ba31478032da91043e2df66a163702182b",
        r"45\-0\.txt",
        "gutenberg",
        _PG,
        "Anne of Green Gables (1908), PG #45",
        modern=False,
    ),
    Source(
        "gutenberg-1156",
        "GITenberg+Babbitt_1156",
        "04ddcfcb6111976f3160bc059ddc46d18f358d29",
        r"1156\-0\.txt",
        "gutenberg",
        _PG,
        "Babbitt (1922), PG #1156",
        modern=False,
    ),
    Source(
        "gutenberg-157",
        "GITenberg+Daddy-Long-Legs_157",
        "74214c9cd5313b5243495bb7a9aac663972ef61c",
        r"157\.txt",
        "gutenberg",
        _PG,
        "Daddy-Long-Legs (1912), PG #157",
        modern=False,
    ),
    Source(
        "gutenberg-4517",
        "GITenberg+Ethan-Frome_4517",
        "f3f78efb77a67a7a31c3568d2312f7a65ea5ef85",
        r"4517\-0\.txt",
        "gutenberg",
        _PG,
        "Ethan Frome (1911), PG #4517",
        modern=False,
    ),
    Source(
        "gutenberg-559",
        "GITenberg+Greenmantle_559",
        "50d847a240fd7c03fdb07b96ecc7e6f448439f23",
        r"559\.txt",
        "gutenberg",
        _PG,
        "Greenmantle (1916), PG #559",
        modern=False,
    ),
    Source(
        "gutenberg-32",
        "GITenberg+Herland_32",
        "22953b6c89f8aa067d45c87d23677fba5df14322",
        r"32\-0\.txt",
        "gutenberg",
        _PG,
        "Herland (1915), PG #32",
        modern=False,
    ),
    Source(
        "gutenberg-2891",
        "GITenberg+Howards-End_2891",
        "af59aadc4877d3b8508bef9817e66ffe06141d5e",
        r"2891\.txt",
        "gutenberg",
        _PG,
        "Howards End (1910), PG #2891",
        modern=False,
    ),
    Source(
        "gutenberg-5670",
        "GITenberg+Jacob-s-Room_5670",
        "be809a01ceb59aa275b77dad81e092c1f60279c2",
        r"5670\.txt",
        "gutenberg",
        _PG,
        "Jacob's Room (1922), PG #5670",
        modern=False,
    ),
    Source(
        "gutenberg-2781",
        "GITenberg+Just-So-Stories_2781",
        "7bac330e58eb319627c16b125f0f9f05957b57b4",
        r"2781\-0\.txt",
        "gutenberg",
        _PG,
        "Just So Stories (1902), PG #2781",
        modern=False,
    ),
    Source(
        "gutenberg-2226",
        "GITenberg+Kim_2226",
        "d6cc0b6a23b03f7de8fb79d361b315fdd0512c17",
        r"2226\.txt",
        "gutenberg",
        _PG,
        "Kim (1901), PG #2226",
        modern=False,
    ),
    Source(
        "gutenberg-5658",
        "GITenberg+Lord-Jim_5658",
        "387360c9379f8510c9ab162c12e6b0d33855ee74",
        r"5658\-0\.txt",
        "gutenberg",
        _PG,
        "Lord Jim (1900), PG #5658",
        modern=False,
    ),
    Source(
        "gutenberg-543",
        "GITenberg+Main-Street_543",
        "c09303360dde2c0bcf4c183670ced35a20f1bcc1",
        r"543\-0\.txt",
        "gutenberg",
        _PG,
        "Main Street (1920), PG #543",
        modern=False,
    ),
    Source(
        "gutenberg-1056",
        "GITenberg+Martin-Eden_1056",
        "4ababcd47843813351e9b74bc2b8fffcd0dd2f6a",
        r"1056\.txt",
        "gutenberg",
        _PG,
        "Martin Eden (1909), PG #1056",
        modern=False,
    ),
    Source(
        "gutenberg-3261",
        "GITenberg+News-from-Nowhere--Or-An-Epoch-of-Rest--13-Being-Some-Chapters-from-a-Utopian-Romance_3261",
        "79bd67b0ae225cd64f7bbc25c0449850b3131069",
        r"3261\.txt",
        "gutenberg",
        _PG,
        "News from Nowhere (1890), PG #3261",
        modern=False,
    ),
    Source(
        "gutenberg-1245",
        "GITenberg+Night-and-Day_1245",
        "aabab1d5557e3451f2d3a4f29a4b8084a8dc6af8",
        r"1245\-0\.txt",
        "gutenberg",
        _PG,
        "Night and Day (1919), PG #1245",
        modern=False,
    ),
    Source(
        "gutenberg-351",
        "GITenberg+Of-Human-Bondage_351",
        "77a217677ad61d10c9cd000d0492f3500fbc2ff6",
        r"351\.txt",
        "gutenberg",
        _PG,
        "Of Human Bondage (1915), PG #351",
        modern=False,
    ),
    Source(
        "gutenberg-1450",
        "GITenberg+Pollyanna_1450",
        "32460e7edbf03555b8d15aa1022ced9ad5272dcc",
        r"1450\-0\.txt",
        "gutenberg",
        _PG,
        "Pollyanna (1913), PG #1450",
        modern=False,
    ),
    Source(
        "gutenberg-498",
        "GITenberg+Rebecca-of-Sunnybrook-Farm_498",
        "99f6be444422ca758e96813de216496796128705",
        r"498\.txt",
        "gutenberg",
        _PG,
        "Rebecca of Sunnybrook Farm (1903), PG #498",
        modern=False,
    ),
    Source(
        "gutenberg-1300",
        "GITenberg+Riders-of-the-Purple-Sage_1300",
        "fb603a46774a6b07e132bd0318ad1f22bcbe8649",
        r"1300\-0\.txt",
        "gutenberg",
        _PG,
        "Riders of the Purple Sage (1912), PG #1300",
        modern=False,
    ),
    Source(
        "gutenberg-217",
        "GITenberg+Sons-and-Lovers_217",
        "862c31a93f2c3005f7d92e9bd9103a8f444862ac",
        r"217\-0\.txt",
        "gutenberg",
        _PG,
        "Sons and Lovers (1913), PG #217",
        modern=False,
    ),
    Source(
        "gutenberg-78",
        "GITenberg+Tarzan-of-the-Apes_78",
        "adeda5457d0fa1ae102e70cdd35cf2116ce00994",
        r"78\.txt",
        "gutenberg",
        _PG,
        "Tarzan of the Apes (1912), PG #78",
        modern=False,
    ),
    Source(
        "gutenberg-541",
        "GITenberg+The-Age-of-Innocence_541",
        "28e8179a3fc40a92d4eadbaf33a45aa6ec2c895c",
        r"541\.txt",
        "gutenberg",
        _PG,
        "The Age of Innocence (1920), PG #541",
        modern=False,
    ),
    Source(
        "gutenberg-2529",
        "GITenberg+The-Analysis-of-Mind_2529",
        "adafde591e56e006715b3d0b422c54e208ddd29a",
        r"2529\.txt",
        "gutenberg",
        _PG,
        "The Analysis of Mind (1921), PG #2529",
        modern=False,
    ),
    Source(
        "gutenberg-9830",
        "GITenberg+The-Beautiful-and-Damned_9830",
        "8adfe391506fe8bde677b60907a597d6bb5b795c",
        r"9830\.txt",
        "gutenberg",
        _PG,
        "The Beautiful and Damned (1922), PG #9830",
        modern=False,
    ),
    Source(
        "gutenberg-2044",
        "GITenberg+The-Education-of-Henry-Adams_2044",
        "e34ec2faebcb1003ad8da9964cd4f86389cb827c",
        r"2044\.txt",
        "gutenberg",
        _PG,
        "The Education of Henry Adams (1918), PG #2044",
        modern=False,
    ),
    Source(
        "gutenberg-1013",
        "GITenberg+The-First-Men-in-the-Moon_1013",
        "3d99cea585468fd3384c139038dbfa730145a71b",
        r"1013\.txt",
        "gutenberg",
        _PG,
        "The First Men in the Moon (1901), PG #1013",
        modern=False,
    ),
    Source(
        "gutenberg-2852",
        "GITenberg+The-Hound-of-the-Baskervilles_2852",
        "bb11a2bd7e3cda991b7f83936e811a0f472c089c",
        r"2852\-0\.txt",
        "gutenberg",
        _PG,
        "The Hound of the Baskervilles (1902), PG #2852",
        modern=False,
    ),
    Source(
        "gutenberg-284",
        "GITenberg+The-House-of-Mirth_284",
        "d7d6c9a3af8bb46224293854c97d8d0c927ea111",
        r"284\.txt",
        "gutenberg",
        _PG,
        "The House of Mirth (1905), PG #284",
        modern=False,
    ),
    Source(
        "gutenberg-204",
        "GITenberg+The-Innocence-of-Father-Brown_204",
        "64ff41e02cd79bdc2df51f494a98e71fb39e27f3",
        r"204\-0\.txt",
        "gutenberg",
        _PG,
        "The Innocence of Father Brown (1911), PG #204",
        modern=False,
    ),
    Source(
        "gutenberg-1164",
        "GITenberg+The-Iron-Heel_1164",
        "32b301a1fea08604f3c15b020056af12eff822b5",
        r"1164\-0\.txt",
        "gutenberg",
        _PG,
        "The Iron Heel (1908), PG #1164",
        modern=False,
    ),
    Source(
        "gutenberg-139",
        "GITenberg+The-Lost-World_139",
        "358626523d86f073e29deccb063418920ea11aeb",
        r"139\.txt",
        "gutenberg",
        _PG,
        "The Lost World (1912), PG #139",
        modern=False,
    ),
    Source(
        "gutenberg-8867",
        "GITenberg+The-Magnificent-Ambersons_8867",
        "cc79f8a5503d794b4768a3752881811bc207a4dc",
        r"8867\-0\.txt",
        "gutenberg",
        _PG,
        "The Magnificent Ambersons (1918), PG #8867",
        modern=False,
    ),
    Source(
        "gutenberg-222",
        "GITenberg+The-Moon-and-Sixpence_222",
        "a9c99cb7695f2ecf51fed5e6018ebd0c238a871d",
        r"222\.txt",
        "gutenberg",
        _PG,
        "The Moon and Sixpence (1919), PG #222",
        modern=False,
    ),
    Source(
        "gutenberg-863",
        "GITenberg+The-Mysterious-Affair-at-Styles_863",
        "1fc103cded9ede0834ce0861e967ac9eb3519971",
        r"863\-0\.txt",
        "gutenberg",
        _PG,
        "The Mysterious Affair at Styles (1920), PG #863",
        modern=False,
    ),
    Source(
        "gutenberg-5827",
        "GITenberg+The-Problems-of-Philosophy_5827",
        "c81a9dc1527325cc8973f2aa683a772e06ef9af2",
        r"5827\.txt",
        "gutenberg",
        _PG,
        "The Problems of Philosophy (1912), PG #5827",
        modern=False,
    ),
    Source(
        "gutenberg-28948",
        "GITenberg+The-Rainbow_28948",
        "d1a1d3b4ed9a283988fb05247209876a5c21221a",
        r"28948\.txt",
        "gutenberg",
        _PG,
        "The Rainbow (1915), PG #28948",
        modern=False,
    ),
    Source(
        "gutenberg-108",
        "GITenberg+The-Return-of-Sherlock-Holmes_108",
        "723d6d49bca7b22e3b33e68af4df88ea6c12b459",
        r"108\-0\.txt",
        "gutenberg",
        _PG,
        "The Return of Sherlock Holmes (1905), PG #108",
        modern=False,
    ),
    Source(
        "gutenberg-2360",
        "GITenberg+The-Riddle-of-the-Sands_2360",
        "319919d550a9d5f959907ed8c75ca9509f3a56c1",
        r"2360\.txt",
        "gutenberg",
        _PG,
        "The Riddle of the Sands (1903), PG #2360",
        modern=False,
    ),
    Source(
        "gutenberg-60",
        "GITenberg+The-Scarlet-Pimpernel_60",
        "e6cf7dc72e2db9498d52606c539f16940de6305c",
        r"60\-0\.txt",
        "gutenberg",
        _PG,
        "The Scarlet Pimpernel (1905), PG #60",
        modern=False,
    ),
    Source(
        "gutenberg-1074",
        "GITenberg+The-Sea-Wolf_1074",
        "a85a80e0e87a0bcf76d31ba6fd3347ba80b4562f",
        r"1074\-0\.txt",
        "gutenberg",
        _PG,
        "The Sea-Wolf (1904), PG #1074",
        modern=False,
    ),
    Source(
        "gutenberg-1155",
        "GITenberg+The-Secret-Adversary_1155",
        "0623bb227d11bbf73e5e3c7f00486e56a0dbc66e",
        r"1155\-0\.txt",
        "gutenberg",
        _PG,
        "The Secret Adversary (1922), PG #1155",
        modern=False,
    ),
    Source(
        "gutenberg-113",
        "GITenberg+The-Secret-Garden_113",
        "0031c0badd0d3fc83860c941d2f39d4aa345c51b",
        r"113\-0\.txt",
        "gutenberg",
        _PG,
        "The Secret Garden (1911), PG #113",
        modern=False,
    ),
    Source(
        "gutenberg-44",
        "GITenberg+The-Song-of-the-Lark_44",
        "1c22e87fed9926ab1a2ebcf815fba7e7086328dc",
        r"44\-0\.txt",
        "gutenberg",
        _PG,
        "The Song of the Lark (1915), PG #44",
        modern=False,
    ),
    Source(
        "gutenberg-408",
        "GITenberg+The-Souls-of-Black-Folk_408",
        "3cea9665d80cf2b395bb7ed79e76d06459628aa0",
        r"408\.txt",
        "gutenberg",
        _PG,
        "The Souls of Black Folk (1903), PG #408",
        modern=False,
    ),
    Source(
        "gutenberg-558",
        "GITenberg+The-Thirty-Nine-Steps_558",
        "9df1735568a61ce35d33dbd43cc07269c74aa859",
        r"558\.txt",
        "gutenberg",
        _PG,
        "The Thirty-Nine Steps (1915), PG #558",
        modern=False,
    ),
    Source(
        "gutenberg-3289",
        "GITenberg+The-Valley-of-Fear_3289",
        "b3d6c72f411351fae7db81842f9ca72c9312dfc2",
        r"3289\-0\.txt",
        "gutenberg",
        _PG,
        "The Valley of Fear (1915), PG #3289",
        modern=False,
    ),
    Source(
        "gutenberg-144",
        "GITenberg+The-Voyage-Out_144",
        "a9727ed483da209530d1d4dff14b60619ecaf6e1",
        r"144\-0\.txt",
        "gutenberg",
        _PG,
        "The Voyage Out (1915), PG #144",
        modern=False,
    ),
    Source(
        "gutenberg-289",
        "GITenberg+The-Wind-in-the-Willows_289",
        "9032846214f647204585df2572cd19dd7fbc3c73",
        r"289\-0\.txt",
        "gutenberg",
        _PG,
        "The Wind in the Willows (1908), PG #289",
        modern=False,
    ),
    Source(
        "gutenberg-910",
        "GITenberg+White-Fang_910",
        "1829d2f990175614318ca9374f38e4cdba435193",
        r"910\.txt",
        "gutenberg",
        _PG,
        "White Fang (1906), PG #910",
        modern=False,
    ),
    Source(
        "gutenberg-4240",
        "GITenberg+Women-in-Love_4240",
        "1e4c40028c5ae9d4b19d09ffd902d64d9b26c875",
        r"4240\-0\.txt",
        "gutenberg",
        _PG,
        "Women in Love (1920), PG #4240",
        modern=False,
    ),
)


# --------------------------------------------------------------------------------------------------------
# Reading from the mirrors


def git_dir(mirror_root: Path, mirror: str) -> Path:
    """The git directory of a mirror: repo/ (bare) or repo/.git (a clone with a work tree)."""
    base = mirror_root / mirror / "repo"
    return base / ".git" if (base / ".git").is_dir() else base


def list_files(gdir: Path, commit: str) -> list[str]:
    out = subprocess.run(
        ["git", f"--git-dir={gdir}", "ls-tree", "-r", "-z", "--name-only", commit],
        check=True,
        capture_output=True,
    ).stdout
    return sorted(p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p)


def read_blobs(gdir: Path, commit: str, paths: list[str]) -> Iterator[tuple[str, str]]:
    """(path, text) for each path, in order; files that are absent from the snapshot are skipped."""
    if not paths:
        return
    request = "".join(f"{commit}:{p}\n" for p in paths).encode("utf-8", "surrogateescape")
    out = subprocess.run(
        ["git", f"--git-dir={gdir}", "cat-file", "--batch"], input=request, check=True, capture_output=True
    ).stdout
    pos = 0
    for path in paths:
        nl = out.index(b"\n", pos)
        header = out[pos:nl].split()
        pos = nl + 1
        if len(header) < 3 or header[1] != b"blob":
            continue  # "missing": a large file the snapshot left out
        size = int(header[2])
        data = out[pos : pos + size]
        pos += size + 1
        try:
            yield path, data.decode("utf-8")
        except UnicodeDecodeError:
            yield path, data.decode("cp1252", "replace")  # older Gutenberg files


# --------------------------------------------------------------------------------------------------------
# Inline cleanup shared by the extractors

_WS = re.compile(r"\s+")
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[^<>]*?)?/?>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TEMPLATE = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)


def tidy(text: str) -> str:
    text = html.unescape(text)
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return _WS.sub(" ", text).strip()


# Markdown inline
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)")
_MD_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_FOOTREF = re.compile(r"\[\^[^\]]+\]")
_MD_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>]+>")
_MD_BRACKET = re.compile(r"\[([^\]\[]+)\](?!\()")
_MD_ATTR = re.compile(r"\{[:#.][^}]*\}|\{\s*\w+=\"[^\"]*\"[^}]*\}")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)")
_MD_STRIKE = re.compile(r"~~.*?~~")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def md_inline(text: str) -> tuple[str, int]:
    """Plain text of one Markdown paragraph, and how many words were inside code spans."""
    text = _COMMENT.sub(" ", text)
    text = _TEMPLATE.sub(" ", text)
    code_words = 0
    spans: list[str] = []

    def keep_code(m: re.Match[str]) -> str:
        nonlocal code_words
        inner = m.group(2).strip()
        code_words += max(1, len(inner.split()))
        spans.append(inner)
        return f"\x00{len(spans) - 1}\x00"

    text = _CODE_SPAN.sub(keep_code, text)
    text = _MD_IMAGE.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REFLINK.sub(r"\1", text)
    text = _MD_FOOTREF.sub("", text)
    text = _MD_AUTOLINK.sub(" ", text)
    text = _MD_ATTR.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _MD_STRIKE.sub(" ", text)
    for _ in range(2):
        text = _MD_STRONG.sub(r"\2", text)
        text = _MD_EM.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _MD_BRACKET.sub(r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~])", r"\1", text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: spans[int(m.group(1))], text)
    return tidy(text), code_words


# --------------------------------------------------------------------------------------------------------
# Markdown

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_HRULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LIST_ITEM = re.compile(r"^\s*([-*+]|\d{1,3}[.)])\s+(\[[ xX]\]\s+)?")
_TABLE_ROW = re.compile(r"^\s*\|.*\|?\s*$|^\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_BLOCK_TAG_LINE = re.compile(r"^\s*</?[A-Za-z][\w-]*[^>]*>\s*$")
_SKIP_BLOCK_TAGS = re.compile(r"^\s*<(pre|script|style|table|svg|code|math)\b", re.I)
_ADMONITION = re.compile(r"^\s*(:::+|!!!|\?\?\?)|^\s*>\s*\[!\w+\]\s*$")


def strip_front_matter(text: str) -> str:
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n") or text.startswith(fence + "\r\n"):
            end = re.search(rf"^{re.escape(fence)}\s*$", text[len(fence) + 1 :], re.M)
            if end:
                return text[len(fence) + 1 + end.end() :]
    return text


def markdown_paragraphs(text: str) -> Iterator[tuple[str, int]]:
    """(paragraph, words in code spans) for each prose block of a Markdown document."""
    text = strip_front_matter(text.replace("\r\n", "\n"))
    text = _COMMENT.sub("\n", text)
    text = re.sub(r"\{%\s*(highlight|raw|comment)\b.*?\{%\s*end\w+\s*%\}", "\n", text, flags=re.S)
    text = re.sub(r"<(pre|script|style|table|svg|math)\b.*?</\1>", "\n", text, flags=re.S | re.I)
    lines = text.split("\n")
    block: list[str] = []
    fence: str | None = None
    prev_blank = True
    in_list = False

    def flush() -> Iterator[tuple[str, int]]:
        if block:
            joined = " ".join(s.strip() for s in block)
            block.clear()
            para, code = md_inline(joined)
            if para:
                yield para, code

    for line in lines:
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        m = _FENCE.match(line)
        if m:
            yield from flush()
            fence = m.group(1)[0] * 3
            prev_blank = False
            continue
        if not line.strip():
            yield from flush()
            prev_blank = True
            continue
        indented = line.startswith("    ") or line.startswith("\t")
        if indented and prev_blank and not in_list:
            continue  # indented code
        if indented and not block and not _LIST_ITEM.match(line) and not in_list:
            continue
        if _HEADING.match(line) or _HRULE.match(line) or _TABLE_ROW.match(line) or _REF_DEF.match(line):
            yield from flush()
            prev_blank = False
            continue
        if _SETEXT.match(line) and block:
            block.clear()  # the block was a heading
            continue
        if _ADMONITION.match(line) or _SKIP_BLOCK_TAGS.match(line) or _BLOCK_TAG_LINE.match(line):
            yield from flush()
            prev_blank = False
            continue
        stripped = line.strip()
        if stripped.startswith(("{{", "{%", "[//]:", "import ", "export ")) and not block:
            prev_blank = False
            continue
        item = _LIST_ITEM.match(line)
        if item and not indented or (item and in_list):
            yield from flush()
            in_list = True
            line = line[item.end() :]
        elif prev_blank and not indented:
            in_list = False
        line = re.sub(r"^\s*(>\s?)+", "", line)  # block quotes keep their text
        block.append(line)
        prev_blank = False
    yield from flush()


# --------------------------------------------------------------------------------------------------------
# reStructuredText

_RST_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+_:.])\1{2,}\s*$")
_RST_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([\w:-]+)::(.*)$")
_RST_COMMENT_OR_TARGET = re.compile(r"^(\s*)\.\.(\s|$)")
_RST_FIELD = re.compile(r"^\s*:[\w\s.()-]+:(\s|$)")
_RST_TABLE = re.compile(r"^\s*(\+[-=+]+\+|={2,}(\s+={2,})+)\s*$")
_RST_BULLET = re.compile(r"^\s*([-*+•]|#\.|\d{1,3}\.|\(\w\)|\w\))\s+")
_RST_PROSE_DIRECTIVES = {
    "note",
    "warning",
    "tip",
    "important",
    "caution",
    "attention",
    "hint",
    "danger",
    "error",
    "admonition",
    "seealso",
    "versionadded",
    "versionchanged",
    "deprecated",
    "topic",
    "sidebar",
    "rubric",
    "epigraph",
    "container",
    "only",
    "glossary",
    "tab",
    "tab-item",
    "dropdown",
    "grid-item-card",
}
_RST_ROLE = re.compile(r":[\w:.+-]+:`([^`]*)`")
_RST_REF_TEXT = re.compile(r"^(.*?)\s*<[^<>]*>$", re.S)
_RST_LINK = re.compile(r"`([^`<]*?)\s*<[^`>]*>`__?")
_RST_NAMED = re.compile(r"`([^`]+)`__?")
_RST_LITERAL = re.compile(r"``(.+?)``")
_RST_STRONG = re.compile(r"\*\*(.+?)\*\*")
_RST_EM = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_RST_INTERPRETED = re.compile(r"`([^`]+)`")
_RST_FOOTREF = re.compile(r"\s?\[(#[\w-]*|\*|\d+|[A-Za-z][\w-]*)\]_")
_RST_SUBST = re.compile(r"\|[\w -]+\|_{0,2}")
_RST_BARE_REF = re.compile(r"\b([\w-]+)__?(?=[\s.,;:)]|$)")


def rst_inline(text: str) -> tuple[str, int]:
    code_words = 0

    def role(m: re.Match[str]) -> str:
        nonlocal code_words
        inner = m.group(1)
        ref = _RST_REF_TEXT.match(inner)
        if ref and ref.group(1):
            inner = ref.group(1)
        inner = inner.lstrip("~!")
        if "." in inner and " " not in inner:
            code_words += 1
        if m.group(0).startswith((":pep:", ":PEP:")):
            return f"PEP {inner}"
        if m.group(0).startswith((":rfc:", ":RFC:")):
            return f"RFC {inner}"
        return inner

    def literal(m: re.Match[str]) -> str:
        nonlocal code_words
        code_words += max(1, len(m.group(1).split()))
        return m.group(1)

    text = _RST_ROLE.sub(role, text)
    text = _RST_LITERAL.sub(literal, text)
    text = _RST_LINK.sub(r"\1", text)
    text = _RST_NAMED.sub(r"\1", text)
    text = _RST_FOOTREF.sub("", text)
    text = _RST_SUBST.sub("", text)
    text = _RST_STRONG.sub(r"\1", text)
    text = _RST_EM.sub(r"\1", text)
    text = _RST_INTERPRETED.sub(r"\1", text)
    text = _RST_BARE_REF.sub(r"\1", text)
    text = text.replace("\\ ", "").replace("\\", "")
    return tidy(text), code_words


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def rst_paragraphs(text: str) -> Iterator[tuple[str, int]]:
    """(paragraph, words in literals) for each prose block of a reStructuredText document."""
    lines = text.replace("\r\n", "\n").replace("\t", "        ").split("\n")
    # PEP header: RFC 822 style fields up to the first blank line
    if lines and re.match(r"^(PEP|Title):", lines[0]):
        while lines and lines[0].strip():
            lines.pop(0)
    block: list[str] = []
    skip_indent: int | None = None  # skipping a body indented more than this
    literal_next = False
    i = 0

    def flush() -> Iterator[tuple[str, int]]:
        nonlocal literal_next
        if not block:
            return
        raw = " ".join(s.strip() for s in block)
        block.clear()
        if raw.endswith("::"):
            literal_next = True
            raw = raw[:-2].rstrip()
            raw = raw + ":" if raw and raw[-1].isalnum() else raw
        if any(_RST_TABLE.match(s) for s in raw.split("\n")):
            return
        para, code = rst_inline(raw)
        if para:
            yield para, code

    while i < len(lines):
        line = lines[i]
        i += 1
        if skip_indent is not None:
            if not line.strip() or _indent(line) > skip_indent:
                continue
            skip_indent = None
        if not line.strip():
            yield from flush()
            continue
        ind = _indent(line)
        if literal_next:
            if not block and ind > 0:
                skip_indent = ind - 1  # the literal block
                continue
            literal_next = False
        # section titles: text followed by an underline (and possibly preceded by an overline)
        if _RST_UNDERLINE.match(line.strip()) and len(line.strip()) >= 3:
            if block and len(block) == 1:
                block.clear()
            elif not block:
                pass  # an overline, a transition, or a table border
            continue
        if (
            i < len(lines)
            and _RST_UNDERLINE.match(lines[i].strip())
            and not block
            and len(line.strip()) <= len(lines[i].strip()) + 2
        ):
            i += 1
            continue
        if _RST_TABLE.match(line) or line.lstrip().startswith(("+-", "+=", "| ")):
            yield from flush()
            skip_indent = ind - 1 if ind > 0 else None
            # skip the rest of the table: lines until a blank line
            while i < len(lines) and lines[i].strip():
                i += 1
            continue
        d = _RST_DIRECTIVE.match(line)
        if d:
            yield from flush()
            name = d.group(2).split(":")[-1].lower()
            if name in _RST_PROSE_DIRECTIVES:
                rest = d.group(3).strip()
                if rest and name not in {"versionadded", "versionchanged", "deprecated", "only", "tab"}:
                    block.append(rest)
                # the body is kept as ordinary text: skip its options, then read on
                while i < len(lines) and _RST_FIELD.match(lines[i]) and _indent(lines[i]) > ind:
                    i += 1
                continue
            skip_indent = ind
            continue
        if _RST_COMMENT_OR_TARGET.match(line):
            yield from flush()
            skip_indent = ind
            continue
        if _RST_FIELD.match(line):
            yield from flush()
            skip_indent = ind
            continue
        if line.lstrip().startswith((">>>", "...", "$ ", "%")) and not block:
            skip_indent = ind - 1 if ind > 0 else None
            continue
        bullet = _RST_BULLET.match(line)
        if bullet:
            yield from flush()
            line = line[bullet.end() :]
        block.append(line)
    yield from flush()


# --------------------------------------------------------------------------------------------------------
# Project Gutenberg

_GB_START = re.compile(
    r"^\*{3}\s*START OF (THE|THIS) PROJECT GUTENBERG.*$|^\*END\*? ?THE SMALL PRINT.*\*END\*\s*$", re.M | re.I
)
_GB_END = re.compile(r"^\*{3}\s*END OF (THE|THIS) PROJECT GUTENBERG.*$|^End of (the )?Project Gutenberg", re.M | re.I)
_GB_MENTION = re.compile(r"Project Gutenberg|\be-?text\b|\bebook\b|gutenberg\.(org|net)", re.I)
_GB_NOTE = re.compile(
    r"^\s*(\[?Transcriber|\[?Produced by|E-text prepared|Etext prepared|This e-?text|Prepared by|"
    r"\[Illustration|\[Footnote|Note:|\[Note|Updated editions|Scanned|Proofread|HTML version)",
    re.I,
)


def gutenberg_paragraphs(text: str) -> Iterator[tuple[str, int]]:
    text = text.replace("\r\n", "\n")
    start = _GB_START.search(text)
    if start:
        text = text[start.end() :]
    end = _GB_END.search(text)
    if end:
        text = text[: end.start()]
    for block in re.split(r"\n\s*\n", text):
        para = tidy(block)
        if not para or _GB_NOTE.match(para) or _GB_MENTION.search(para):
            continue
        para = re.sub(r"\[(Illustration|Footnote|Sidenote)[^\]]*\]", " ", para, flags=re.I)
        para = re.sub(r"(?<!\w)_([^_]+)_(?!\w)", r"\1", para)
        para = re.sub(r"\[\d+\]", "", para)
        para = tidy(para)
        if para and para.upper() != para:
            yield para, 0


# --------------------------------------------------------------------------------------------------------
# HTML


class _ParagraphText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._depth = 0
        self._skip = 0
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "pre", "code", "table"}:
            self._skip += 1
        elif tag == "p":
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "pre", "code", "table"}:
            self._skip = max(0, self._skip - 1)
        elif tag == "p" and self._depth:
            self._depth -= 1
            if not self._depth:
                self.paragraphs.append(tidy("".join(self._buf)))
                self._buf.clear()

    def handle_data(self, data: str) -> None:
        if self._depth and not self._skip:
            self._buf.append(data)


def html_paragraphs(text: str) -> Iterator[tuple[str, int]]:
    parser = _ParagraphText()
    parser.feed(text)
    parser.close()
    for para in parser.paragraphs:
        if para:
            yield para, 0


EXTRACTORS: dict[str, Callable[[str], Iterator[tuple[str, int]]]] = {
    "markdown": markdown_paragraphs,
    "rst": rst_paragraphs,
    "gutenberg": gutenberg_paragraphs,
    "html": html_paragraphs,
}


# --------------------------------------------------------------------------------------------------------
# The prose filter

_WORD = re.compile(r"^[(\"'“‘]*[A-Za-z][a-z]*(?:['’-][A-Za-z]+)*[.,;:!?)\"'”’]*$")
_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it as with be on not this are by or an was at from which can but have "
    "if has will we you they he she his her its their there then than one all would been when so more".split()
)
_CODE_CHARS = re.compile(r"[{}\[\]<>=;|\\#$@^~]")
_ENDING = re.compile(r"[.!?:][\"'”’)\]]*$")
_OPENING = re.compile(r"^[\"'“‘(\[]?[A-Z0-9]")
_BAD = re.compile(r"https?://|www\.|=>|->|\w\([^)]*[=,;][^)]*\)|^\s*Copyright\b|\bTODO\b|\bTBD\b", re.I)


def is_prose(para: str, code_words: int, min_words: int = 8) -> bool:
    words = para.split()
    n = len(words)
    if n < min_words or n > 1500:
        return False
    if not _ENDING.search(para) or not _OPENING.match(para):
        return False
    if _BAD.search(para):
        return False
    if code_words > 0.25 * n:
        return False
    if len(_CODE_CHARS.findall(para)) > 0.01 * len(para) + 2:
        return False
    if sum(1 for c in para if ord(c) > 0x24F and c not in "–—‘’“”…•€£") > 0.01 * len(para):
        return False
    plain = sum(1 for w in words if _WORD.match(w))
    if plain < 0.8 * n:
        return False
    function = sum(1 for w in words if w.lower().strip(".,;:!?()\"'“”‘’") in _FUNCTION_WORDS)
    return function >= 0.15 * n


# --------------------------------------------------------------------------------------------------------
# Driver


def out_name(path: str) -> str:
    stem = re.sub(r"\.(md|markdown|mdx|rst|txt|html?)$", "", path)
    return re.sub(r"[^\w.-]+", "__", stem) + ".txt"


# licence texts, ownership and changelog files are never prose of the project
_NOT_PROSE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|OWNERS|CODEOWNERS|CHANGELOG|CHANGES)[^/]*$", re.I)


def build_source(src: Source, mirror_root: Path, out_root: Path, seen: set[bytes]) -> tuple[int, int, int]:
    """Write one source's documents; returns (documents read, documents written, words written)."""
    gdir = git_dir(mirror_root, src.mirror)
    if not gdir.is_dir():
        raise SystemExit(f"{src.name}: no mirror at {gdir}")
    wanted = re.compile(src.path_re)
    exclude = re.compile(src.exclude_re) if src.exclude_re else None
    require = re.compile(src.require_re) if src.require_re else None
    paths = [
        p
        for p in list_files(gdir, src.commit)
        if wanted.fullmatch(p) and not (exclude and exclude.search(p)) and not _NOT_PROSE_FILE.search(p)
    ]
    extract = EXTRACTORS[src.kind]
    min_words = 6 if src.kind == "gutenberg" else 8
    target = out_root / src.name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    docs = written = words = 0
    for path, text in read_blobs(gdir, src.commit, paths):
        docs += 1
        if require and not require.search(text):
            continue
        kept: list[str] = []
        for para, code_words in extract(text):
            if not is_prose(para, code_words, min_words):
                continue
            key = hashlib.blake2b(para.lower().encode("utf-8"), digest_size=12).digest()
            if key in seen:
                continue
            seen.add(key)
            kept.append(para)
        if kept:
            written += 1
            words += sum(len(p.split()) for p in kept)
            (target / out_name(path)).write_text("\n\n".join(kept) + "\n", encoding="utf-8")
    return docs, written, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("mirror_dir", type=Path, help="folder holding the mirrors, e.g. /work/.mirror")
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("/work/corpus"), help="output folder")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="build only this source")
    args = parser.parse_args(argv)
    chosen = [s for s in SOURCES if not args.only or s.name in args.only]
    unknown = set(args.only) - {s.name for s in SOURCES}
    if unknown:
        parser.error(f"unknown source(s): {', '.join(sorted(unknown))}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    seen: set[bytes] = set()
    rows: list[tuple[Source, int, int, int]] = []
    print(f"{'source':28} {'docs':>6} {'kept':>6} {'words':>11}  licence")
    for src in chosen:
        docs, written, words = build_source(src, args.mirror_dir, args.out_dir, seen)
        rows.append((src, docs, written, words))
        print(f"{src.name:28} {docs:6d} {written:6d} {words:11,d}  {src.licence}", flush=True)
    modern = sum(w for s, _, _, w in rows if s.modern)
    total = sum(w for _, _, _, w in rows)
    print(f"{'total':28} {'':6} {'':6} {total:11,d}")
    print(f"{'modern (after 1950)':28} {'':6} {'':6} {modern:11,d}")
    print(f"{'older (Project Gutenberg)':28} {'':6} {'':6} {total - modern:11,d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
