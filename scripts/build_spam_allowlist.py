"""Build ``src/copylint/data/spam/legitimate-domains.txt``, the well-known legitimate sites that a
shipped blocklist may never list, from fetched repository snapshots (no network):

    python scripts/build_spam_allowlist.py [--mirror /work/.mirror] [--output FILE]

Each source is read with ``git show COMMIT:PATH`` from its snapshot, ``MIRROR/owner+name/repo``
(fetched beforehand), at the commit pinned in ``SOURCES``; licences checked at that commit:

- ``Kikobeats/top-sites`` (MIT): the Moz Top 500, the sites with the most linking root domains,
  each kept as its registrable domain (``docs.google.com`` is ``google.com``).
- ``Hipo/university-domains-list`` (MIT): universities and colleges of every country, each domain
  as listed (a university under another's domain, ``amti.hit.bg``, does not vouch for the domain
  above it), less those an education suffix already covers (``mit.edu``, ``ox.ac.uk``).
- Compiled by the copylint team (MIT), in the tables below: intergovernmental organisations and
  national governments whose sites are outside the suffix categories, and legitimate sites that
  the audit of the upstream blocklists found on them (each with what it is).

Government, military, education and intergovernmental suffixes are not listed here: they are
rules (``legitimate-suffixes.txt``) applied to the Public Suffix List when copylint loads.

Left out: URL shorteners (those of ``url-shorteners.txt`` and ``SHORTENERS``: where a shortened
link goes is unknown), adult sites and affiliate networks (``LEFT_OUT``), and hosts that are
public suffixes themselves (``netlify.app``: anyone's site). A platform whose users get their own
subdomains (``PLATFORMS``) is written ``=domain``: the platform's own site is legitimate, its users'
sites are not vouched for.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from publicsuffixlist import PublicSuffixList

from copylint.core.domains import has_known_suffix, registrable
from copylint.language.links.legitimate import PLATFORM_MARK, parents, read_legitimate_sites
from copylint.store.shipped import data_lines

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "copylint" / "data" / "spam" / "legitimate-domains.txt"


@dataclass(frozen=True)
class Source:
    repository: str
    commit: str
    path: str
    licence: str

    def text(self, mirror: Path) -> str:
        folder = mirror / self.repository.replace("/", "+") / "repo"
        shown = subprocess.run(
            ["git", "-C", str(folder), "show", f"{self.commit}:{self.path}"], check=True, capture_output=True
        )
        return shown.stdout.decode("utf-8")


TOP_SITES = Source("Kikobeats/top-sites", "c426d312d0ab78f1683d5cae826056e1c63adb52", "top-sites.json", "MIT")
UNIVERSITIES = Source(
    "Hipo/university-domains-list",
    "bb07faf064e1c68be9b26fb71de31f01e361f974",
    "world_universities_and_domains.json",
    "MIT",
)
SOURCES = (TOP_SITES, UNIVERSITIES)

INTERGOVERNMENTAL = {
    "un.org": "United Nations",
    "europa.eu": "institutions of the European Union",
    "worldbank.org": "World Bank",
    "imf.org": "International Monetary Fund",
    "oecd.org": "OECD",
    "unesco.org": "UNESCO",
    "unicef.org": "UNICEF",
    "wto.org": "World Trade Organization",
    "ilo.org": "International Labour Organization",
    "fao.org": "Food and Agriculture Organization",
    "ifad.org": "International Fund for Agricultural Development",
    "unido.org": "UN Industrial Development Organization",
    "unhcr.org": "UN refugee agency",
    "unfpa.org": "UN Population Fund",
    "undp.org": "UN Development Programme",
    "unep.org": "UN Environment Programme",
    "wfp.org": "World Food Programme",
    "unaids.org": "UNAIDS",
    "unodc.org": "UN Office on Drugs and Crime",
    "unops.org": "UN Office for Project Services",
    "unwomen.org": "UN Women",
    "ohchr.org": "UN human rights office",
    "iaea.org": "International Atomic Energy Agency",
    "imo.org": "International Maritime Organization",
    "unwto.org": "UN Tourism",
    "unctad.org": "UN Conference on Trade and Development",
    "unrwa.org": "UN agency for Palestine refugees",
    "paho.org": "Pan American Health Organization",
    "ifc.org": "International Finance Corporation",
    "eib.org": "European Investment Bank",
    "ebrd.com": "European Bank for Reconstruction and Development",
    "adb.org": "Asian Development Bank",
    "afdb.org": "African Development Bank",
    "iadb.org": "Inter-American Development Bank",
    "bis.org": "Bank for International Settlements",
    "opcw.org": "Organisation for the Prohibition of Chemical Weapons",
    "icj-cij.org": "International Court of Justice",
    "osce.org": "OSCE",
    "asean.org": "ASEAN",
    "oas.org": "Organization of American States",
    "apec.org": "APEC",
    "caricom.org": "CARICOM",
    "norden.org": "Nordic Council",
    "cern.ch": "CERN",
    "home.cern": "CERN",
    "eso.org": "European Southern Observatory",
    "embl.org": "European Molecular Biology Laboratory",
    "iea.org": "International Energy Agency",
    "irena.org": "International Renewable Energy Agency",
    "ipcc.ch": "Intergovernmental Panel on Climate Change",
}

GOVERNMENTS = {
    "canada.ca": "Government of Canada",
    "bund.de": "German federal administration",
    "bundesregierung.de": "German federal government",
    "bundestag.de": "German parliament",
    "admin.ch": "Swiss federal administration",
    "gouvernement.fr": "French government",
    "service-public.fr": "French public services",
    "elysee.fr": "French presidency",
    "rijksoverheid.nl": "Dutch government",
    "overheid.nl": "Dutch public sector",
    "regjeringen.no": "Norwegian government",
    "regeringen.se": "Swedish government",
    "valtioneuvosto.fi": "Finnish government",
    "governo.it": "Italian government",
    "parliament.uk": "UK Parliament",
    "nhs.uk": "National Health Service",
    "gov.scot": "Scottish Government",
    "gov.wales": "Welsh Government",
}

AUDIT = {
    # on the torrent and piracy lists: free culture, public broadcasters, research, software
    # distributed by BitTorrent and the makers of BitTorrent clients
    "gutenberg.org": "Project Gutenberg, public-domain books",
    "ibiblio.org": "ibiblio, the University of North Carolina's public digital library",
    "jamendo.com": "Jamendo, music its artists publish under Creative Commons licences",
    "publicdomaintorrents.com": "films in the public domain",
    "etree.org": "etree, live recordings of bands that allow taping",
    "nugs.net": "nugs.net, a licensed store of live concert recordings",
    "learner.org": "Annenberg Learner, educational video",
    "wgbh.org": "WGBH, Boston's public broadcaster",
    "cspan.com": "C-SPAN, public-affairs television",
    "teach12.com": "The Teaching Company (The Great Courses)",
    "mpg.de": "the Max Planck Society's research institutes",
    "speeddemosarchive.com": "Speed Demos Archive, video of speedruns",
    "ubuntu.com": "Ubuntu, which publishes its releases by BitTorrent",
    "fedoraproject.org": "Fedora Linux, which publishes its releases by BitTorrent",
    "kali.org": "Kali Linux, which publishes its releases by BitTorrent",
    "netbsd.org": "NetBSD, which publishes its releases by BitTorrent",
    "parrotsec.org": "Parrot OS, which publishes its releases by BitTorrent",
    "bittorrent.com": "BitTorrent Inc., maker of the BitTorrent client",
    "utorrent.com": "BitTorrent Inc.'s µTorrent client",
    "grc.com": "Gibson Research Corporation, security software",
    "afterdawn.com": "AfterDawn, technology news and software reviews",
    # on the scam list: companies and publications
    "xoom.com": "Xoom, PayPal's money-transfer service",
    "gobank.com": "GoBank, a bank of Green Dot",
    "payactiv.com": "Payactiv, earned-wage access",
    "talent.com": "Talent.com, job search",
    "neuvoo.com": "the former name of Talent.com",
    "edreams.com": "eDreams, a travel agency",
    "grailed.com": "Grailed, a clothing marketplace",
    "dundle.com": "Dundle, a gift-card retailer",
    "qmee.com": "Qmee, paid surveys",
    "taskeasy.com": "TaskEasy, lawn care",
    "xcover.com": "XCover, travel and product insurance",
    "forto.com": "Forto, freight forwarding",
    "deugro.com": "deugro, project logistics",
    "jmgo.com": "JMGO, a maker of projectors",
    "myfax.com": "MyFax, online fax",
    "gooddog.com": "Good Dog, a marketplace of breeders",
    "softonic.com": "Softonic, software downloads",
    "libertyx.com": "LibertyX, a bitcoin cash-in network",
    "esl-gaming.com": "ESL, esports leagues",
    "superoffice.com": "SuperOffice, CRM software",
    "readyrefresh.com": "ReadyRefresh, water delivery",
    "beatstars.com": "BeatStars, a music marketplace",
    "elitesingles.com": "EliteSingles, a dating service",
    "steamanalyst.com": "SteamAnalyst, prices of game items",
    "tenorshare.com": "Tenorshare, utility software",
    "news9.com": "News 9 (KWTV), Oklahoma City television",
    "pasadenanow.com": "Pasadena Now, local news",
    "villagevoice.com": "The Village Voice, a New York weekly",
}

PLATFORMS = {
    # users publish under their own subdomains of these (alice.wordpress.com)
    "wordpress.com",
    "weebly.com",
    "jimdofree.com",
    "mystrikingly.com",
    "typepad.com",
    "livejournal.com",
    "medium.com",
    "tumblr.com",
    "skyrock.com",
    "hatena.blog",
    "fc2.com",
    "fandom.com",
    "wikia.com",
    "bandcamp.com",
    "itch.io",
    "sourceforge.net",
    "zendesk.com",
    "typeform.com",
    "list-manage.com",
    # cloud storage, hosting, content delivery, dynamic DNS and internet providers whose
    # customers' buckets and sites are subdomains (anyone.s3.amazonaws.com)
    "amazonaws.com",
    "googleapis.com",
    "googleusercontent.com",
    "akamaihd.net",
    "fbsbx.com",
    "sakura.ne.jp",
    "narod.ru",
    "home.pl",
    "secureserver.net",
    "strato-hosting.eu",
    "timeweb.ru",
    "t-online.de",
    "no-ip.com",
    "comcast.net",
}

SHORTENERS = {
    "t.co": "Twitter's link wrapper, which redirects anywhere",
    "onelink.me": "AppsFlyer's deep-link redirector",
}

LEFT_OUT = {
    "pornhub.com": "an adult site",
    "chaturbate.com": "an adult site",
    "clickbank.net": "an affiliate network whose links are the stuff of affiliate spam",
}


def top_sites(text: str) -> set[str]:
    """The registrable domain of each of the Moz Top 500."""
    sites = {registrable(str(site["rootDomain"]).lower()) for site in json.loads(text)}
    return {site for site in sites if site}


def universities(text: str) -> set[str]:
    """Each listed domain of a university (without ``www.``) that has a known suffix and is not
    an ICANN suffix itself. A university may register its own domain as a private suffix
    (``ruhr-uni-bochum.de``, so that its departments are separate sites): that one is kept."""
    icann = PublicSuffixList(only_icann=True)
    listed = (str(domain) for entry in json.loads(text) for domain in entry["domains"])
    domains = {domain.strip().lower().removeprefix("www.") for domain in listed}
    return {domain for domain in domains if has_known_suffix(domain) and icann.privatesuffix(domain) is not None}


def outermost(domains: Iterable[str]) -> set[str]:
    """The domains without one of their parents among them (``ubc.ca`` makes ``sauder.ubc.ca``
    redundant; a platform, which covers no subdomain, makes nothing redundant)."""
    kept = set(domains)
    covering = kept - PLATFORMS
    return {domain for domain in kept if not any(parent in covering for parent in list(parents(domain))[1:])}


def build(mirror: Path) -> tuple[list[str], dict[str, int]]:
    """The lines of the allowlist and how many entries each source gave."""
    categories = read_legitimate_sites([], data_lines("spam/legitimate-suffixes.txt"))
    excluded = {*data_lines("spam/url-shorteners.txt"), *SHORTENERS, *LEFT_OUT}
    by_source = {
        TOP_SITES.repository: top_sites(TOP_SITES.text(mirror)),
        UNIVERSITIES.repository: universities(UNIVERSITIES.text(mirror)),
        "intergovernmental (copylint team)": set(INTERGOVERNMENTAL),
        "governments (copylint team)": set(GOVERNMENTS),
        "audit of the upstream blocklists (copylint team)": set(AUDIT),
        "platforms (copylint team)": set(PLATFORMS),
    }
    domains = outermost(
        domain
        for found in by_source.values()
        for domain in found
        if domain not in excluded and categories.reason(domain) is None
    )
    lines = sorted(PLATFORM_MARK + domain if domain in PLATFORMS else domain for domain in domains)
    return lines, {name: len(found) for name, found in by_source.items()}


HEADER = """\
# Well-known legitimate sites: no shipped blocklist may list them, and a blocklist entry is never
# the evidence against them. Generated by scripts/build_spam_allowlist.py (do not edit by hand);
# README.md names the sources, their commits and licences. "domain" covers the domain and every
# subdomain; "=domain" the domain and its www. host only, for a platform whose users publish
# under its subdomains. Government, military, education and intergovernmental suffixes are
# rules in legitimate-suffixes.txt, not entries here.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"), help="folder of fetched snapshots")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    lines, counts = build(arguments.mirror)
    arguments.output.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    for name, count in counts.items():
        print(f"{count:6d}  {name}")
    print(f"{len(lines):6d}  written to {arguments.output}")


if __name__ == "__main__":
    main()
