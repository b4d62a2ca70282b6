#!/usr/bin/env python3
"""Builds the sample newsroom (samples/newsroom/) from content.py.

Run from anywhere: python3 samples/newsroom/tools/build.py
It rewrites every generated file under samples/newsroom/ except README.md and tools/.
Only the Python standard library is used (images are written byte by byte).
"""
import datetime as dt
import email.utils
import html
import json
import os
import re
import shutil
import struct
import sys
import zlib
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from content import PROVIDERS  # noqa: E402

KEEP = {"README.md", "tools"}


# ------------------------------------------------------------------ helpers
def url_to_file(url):
    """The file that serves a URL: host folder + path; a trailing '/' gets
    index.html; a query string q is inserted as '@q' before the file's
    extension (only used for the Daily Dot '?amp' page)."""
    u = urlsplit(url)
    path = u.path
    if path.endswith("/"):
        path += "index.html"
    if u.query:
        head, tail = os.path.split(path)
        stem, ext = os.path.splitext(tail)
        path = f"{head}/{stem}@{u.query}{ext}"
    return os.path.join(ROOT, u.netloc, path.lstrip("/"))


def image_file(url):
    """Images are served by path; their query strings are ignored."""
    u = urlsplit(url)
    return os.path.join(ROOT, u.netloc, u.path.lstrip("/"))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if os.path.exists(path) and os.path.isdir(path):
        raise SystemExit(f"path is a directory: {path}")
    with open(path, "wb") as f:
        f.write(data)


def esc(s):  # text content (HTML and XML)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(s):  # double-quoted attribute value
    return esc(s).replace('"', "&quot;")


def utc(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


def local(p, s):
    return utc(s).astimezone(ZoneInfo(p["tz"]))


def rfc822(p, s):
    d = local(p, s)
    return email.utils.format_datetime(d)


def rfc3339(p, s):
    return local(p, s).isoformat()


def slug(url):
    parts = [x for x in urlsplit(url).path.split("/") if x]
    return parts[-1] if parts else "home"


# ------------------------------------------------------------------ images
def png(width, height, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(t, d):
        c = t + d
        return struct.pack(">I", len(d)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def jpeg(width, height, level):
    """A baseline greyscale JPEG of one flat grey level (-127..127 around mid grey)
    with the real dimensions: every 8x8 block is 'DC diff 0, EOB' (2 bits)."""
    def seg(marker, body):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body

    out = b"\xff\xd8"
    out += seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    out += seg(0xDB, b"\x00" + bytes([8] + [1] * 63))  # DC quantiser 8
    out += seg(0xC0, b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00")
    # DC table: category 0 -> '0', category 7 -> '10'
    out += seg(0xC4, b"\x00" + bytes([1, 1] + [0] * 14) + bytes([0, 7]))
    # AC table: EOB (0x00) -> '0'
    out += seg(0xC4, b"\x10" + bytes([1] + [0] * 15) + bytes([0]))
    out += seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    v = max(64, min(127, abs(level)))
    bits = "10" + format(v if level >= 0 else v ^ 0x7F, "07b") + "0"
    bits += "00" * (blocks - 1)
    bits += "1" * (-len(bits) % 8)
    data = bytearray()
    for i in range(0, len(bits), 8):
        b = int(bits[i:i + 8], 2)
        data.append(b)
        if b == 0xFF:
            data.append(0)
    return out + bytes(data) + b"\xff\xd9"


def make_image(url, w, h, seed):
    path = image_file(url)
    if path.lower().endswith(".png"):
        data = png(w, h, ((seed * 53) % 200 + 30, (seed * 97) % 200 + 30, (seed * 31) % 200 + 30))
    else:
        data = jpeg(w, h, 64 + (seed * 37) % 64 if seed % 2 else -(64 + (seed * 37) % 64))
    assert len(data) < 20000, (url, len(data))
    write(path, data)


def logo_url(p):
    return f"https://{p['host']}/assets/img/logo.png"


# ------------------------------------------------------------------ preparation
def prepare():
    seed = 0
    for p in PROVIDERS:
        for i, it in enumerate(p["items"]):
            it.setdefault("type", "article")
            if it["image"] == "auto":
                d = utc(it["date"])
                w, h = ((1200, 630), (1024, 576), (1280, 720))[i % 3]
                it["image"] = (f"https://{p['host']}/wp-content/uploads/{d:%Y/%m}/{slug(it['url'])}.jpg", w, h)
            if it["image"]:
                seed += 1
                make_image(it["image"][0], it["image"][1], it["image"][2], seed)
            it["page"] = url_to_file(it["url"])
        write(image_file(logo_url(p)), png(180, 40, (len(p["name"]) * 9 % 255, 60, 120)))


# ------------------------------------------------------------------ article pages
COOKIE = """<div id="cookie-consent" class="cookie-banner" role="dialog" aria-live="polite" aria-label="Cookie consent">
  <p>We use cookies and similar technologies to improve your experience, measure audiences and show you personalised advertising. By clicking &ldquo;Accept all&rdquo; you agree to our use of cookies. <a href="/privacy-policy/">Privacy policy</a> &middot; <a href="/cookie-policy/">Cookie policy</a></p>
  <button type="button" class="btn accept">Accept all</button> <button type="button" class="btn manage">Manage preferences</button>
</div>"""


def share(url, title):
    from urllib.parse import quote
    q, t = quote(url, safe=""), quote(title, safe="")
    return f"""<div class="share-buttons" aria-label="Share this article">
  <span class="share-label">Share</span>
  <a class="share facebook" href="https://www.facebook.com/sharer/sharer.php?u={q}" rel="noopener" target="_blank">Facebook</a>
  <a class="share twitter" href="https://twitter.com/intent/tweet?url={q}&amp;text={t}" rel="noopener" target="_blank">Twitter</a>
  <a class="share linkedin" href="https://www.linkedin.com/sharing/share-offsite/?url={q}" rel="noopener" target="_blank">LinkedIn</a>
  <a class="share email" href="mailto:?subject={t}&amp;body={q}">Email</a>
</div>"""


def header(p):
    nav = "\n".join(f'      <li><a href="{attr(h)}">{esc(n)}</a></li>' for n, h in p["nav"])
    return f"""<header class="site-header">
  <div class="top-bar"><a href="/subscribe/">Subscribe</a> | <a href="/newsletters/">Newsletters</a> | <a href="/login/">Log in</a></div>
  <a class="logo" href="https://{p['host']}/"><img src="{logo_url(p)}" alt="{attr(p['name'])}" width="180" height="40"></a>
  <p class="tagline">{esc(p['tagline'])}</p>
  <nav class="main-nav" aria-label="Main">
    <ul>
{nav}
      <li><a href="/search/">Search</a></li>
    </ul>
  </nav>
</header>"""


def footer(p):
    year = 2021
    return f"""<footer class="site-footer">
  <div class="footer-nav"><a href="/about/">About us</a> <a href="/contact/">Contact</a> <a href="/advertise/">Advertise</a> <a href="/careers/">Careers</a> <a href="/privacy-policy/">Privacy policy</a> <a href="/terms/">Terms of use</a> <a href="{attr(p['feed'][1])}">RSS</a></div>
  <div class="newsletter-signup"><h3>Get the newsletter</h3><form action="/newsletters/subscribe" method="post"><input type="email" name="email" placeholder="Your email address"><button type="submit">Sign up</button></form></div>
  <p class="copyright">&copy; {year} {esc(p['name'])}. All rights reserved. Reproduction in whole or in part without permission is prohibited.</p>
  <p class="disclaimer">This page is part of Lede's offline sample newsroom; its text is placeholder copy written for testing.</p>
</footer>"""


def sidebar(p, it):
    others = [o for o in p["items"] if o is not it][:4]
    lis = "\n".join(f'    <li><a href="{attr(o["url"])}">{esc(o["title"])}</a> <time datetime="{rfc3339(p, o["date"])}">{local(p, o["date"]):%b %d, %Y}</time></li>' for o in others)
    return f"""<aside class="sidebar">
  <section class="related-stories">
  <h2>Related stories</h2>
  <ul>
{lis}
  </ul>
  </section>
  <div class="ad-slot ad-rectangle" data-ad-unit="/{p['domain']}/article/sidebar">Advertisement</div>
  <section class="most-read"><h2>Most read</h2><ol><li><a href="/">Top stories</a></li><li><a href="/newsletters/">Sign up for our newsletters</a></li></ol></section>
</aside>"""


def page(p, it):
    site = p["name"]
    title = it["title"]
    desc = p.get("boilerplate") or it["excerpt"]  # Amnesty UK: the site boilerplate, not a summary
    pub, mod = rfc3339(p, it["date"]), rfc3339(p, (utc(it["date"]) + dt.timedelta(minutes=47)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    og_type = "video" if it["type"] == "video" else "article"
    meta = [f'<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)} | {esc(site)}</title>",
            f'<meta name="description" content="{attr(desc)}">',
            f'<link rel="canonical" href="{attr(it["url"])}">']
    if it.get("amp"):
        meta.append(f'<link rel="amphtml" href="{attr(it["amp"])}">')
    meta += [f'<link rel="alternate" type="{feed_mime(p)}" title="{attr(site)}" href="https://{p["host"]}{p["feed"][1]}">',
             f'<meta property="og:site_name" content="{attr(site)}">',
             f'<meta property="og:type" content="{og_type}">',
             f'<meta property="og:title" content="{attr(title)}">',
             f'<meta property="og:description" content="{attr(desc)}">',
             f'<meta property="og:url" content="{attr(it["url"])}">']
    img = it.get("image")
    idx = p["items"].index(it)
    if img:
        meta.append(f'<meta property="og:image" content="{attr(img[0])}">')
        if idx % 2 == 0:
            meta.append(f'<meta property="og:image:width" content="{img[1]}">')
            meta.append(f'<meta property="og:image:height" content="{img[2]}">')
    meta += [f'<meta property="article:published_time" content="{pub}">',
             f'<meta property="article:modified_time" content="{mod}">',
             f'<meta property="article:section" content="{attr(it["tags"][0])}">']
    meta += [f'<meta property="article:tag" content="{attr(t)}">' for t in it["tags"][1:]]
    meta += [f'<meta name="twitter:card" content="{"summary_large_image" if img else "summary"}">',
             f'<meta name="twitter:title" content="{attr(title)}">',
             f'<meta name="twitter:description" content="{attr(desc)}">']
    if img:
        meta.append(f'<meta name="twitter:image" content="{attr(img[0])}">')
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "mainEntityOfPage": {"@type": "WebPage", "@id": it["url"]},
          "headline": title, "description": desc, "datePublished": pub, "dateModified": mod,
          "author": {"@type": "Organization" if it["author"] in (site, "The Associated Press") or "Staff" in it["author"] else "Person", "name": it["author"]},
          "publisher": {"@type": "Organization", "name": site,
                        "logo": {"@type": "ImageObject", "url": logo_url(p), "width": 180, "height": 40}}}
    if it["type"] == "video":
        ld["video"] = {"@type": "VideoObject", "name": title, "description": it["excerpt"], "uploadDate": pub,
                       "thumbnailUrl": logo_url(p), "contentUrl": f"https://{p['host']}/video/media/{slug(it['url'])}.mp4"}
    if img:
        ld["image"] = {"@type": "ImageObject", "url": img[0], "width": img[1], "height": img[2]}
    ldtext = json.dumps(ld, ensure_ascii=False, indent=2).replace("</", "<\\/")
    paras = "\n".join(f"    <p>{esc(x)}</p>" for x in it["body"])
    if len(it["body"]) > 3:  # an in-article ad and a newsletter box between paragraphs
        parts = paras.split("\n")
        parts.insert(2, '    <div class="ad-slot ad-inline" data-ad-unit="inline-1">Advertisement - story continues below</div>')
        parts.insert(5, '    <aside class="inline-newsletter"><strong>Get the latest news in your inbox.</strong> <a href="/newsletters/">Sign up for free</a></aside>')
        paras = "\n".join(parts)
    figure = ""
    if img:
        figure = f"""  <figure class="lead-image">
    <img src="{attr(img[0])}" alt="" width="{img[1]}" height="{img[2]}" loading="eager">
    <figcaption>Photo illustration. <span class="credit">File image</span></figcaption>
  </figure>\n"""
    if it["type"] == "video":
        figure = f"""  <div class="video-player" data-video-id="{slug(it['url']).split('-')[0]}">
    <video controls preload="none" poster="{logo_url(p)}"><source src="https://{p['host']}/video/media/{slug(it['url'])}.mp4" type="video/mp4"></video>
    <p class="video-unavailable">This video is not available in your browser.</p>
  </div>\n"""
    tags = " ".join(f'<a class="tag" href="/tag/{re.sub("[^a-z0-9]+", "-", t.lower()).strip("-")}/">{esc(t)}</a>' for t in it["tags"])
    d = local(p, it["date"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{chr(10).join(meta)}
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/assets/css/site.css">
<script type="application/ld+json">
{ldtext}
</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXXXXX"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date()); gtag('config', 'G-XXXXXXX');</script>
<style>body{{font-family:Georgia,serif;margin:0}} .site-header{{background:{p['color']};color:#fff}} .cookie-banner{{position:fixed;bottom:0;background:#222;color:#fff}}</style>
</head>
<body class="single single-post postid-{zlib.crc32(it['url'].encode()) % 900000 + 100000}">
<a class="skip-link" href="#main">Skip to content</a>
{header(p)}
<div class="ad-slot ad-leaderboard" data-ad-unit="/{p['domain']}/article/top">Advertisement</div>
<div class="layout">
<main id="main">
<article class="article">
  <header class="article-header">
  <nav class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/{re.sub('[^a-z0-9]+', '-', it['tags'][0].lower()).strip('-')}/">{esc(it['tags'][0])}</a></nav>
  <h1 class="headline">{esc(title)}</h1>
  <p class="byline">By <span class="author">{esc(it['author'])}</span> &middot; <time datetime="{pub}">{d:%B} {d.day}, {d:%Y} {d:%I:%M %p %Z}</time></p>
{share(it['url'], title)}
  </header>
{figure}  <div class="article-body">
{paras}
  </div>
  <footer class="article-footer">
  <div class="tags">Tags: {tags}</div>
{share(it['url'], title)}
  <div class="comments"><h2>Comments</h2><p>Comments are closed for this story. <a href="/community-guidelines/">Community guidelines</a></p></div>
  </footer>
</article>
</main>
{sidebar(p, it)}
</div>
{footer(p)}
{COOKIE}
</body>
</html>
"""


def amp_page(p, it):
    img = it.get("image")
    im = f'<amp-img src="{attr(img[0])}" width="{img[1]}" height="{img[2]}" layout="responsive" alt=""></amp-img>\n' if img else ""
    paras = "\n".join(f"<p>{esc(x)}</p>" for x in it["body"])
    pub = rfc3339(p, it["date"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": it["title"],
                     "datePublished": pub, "author": {"@type": "Organization", "name": it["author"]},
                     "publisher": {"@type": "Organization", "name": p["name"], "logo": {"@type": "ImageObject", "url": logo_url(p)}}},
                    ensure_ascii=False)
    html_tag = "<html ⚡ lang=\"en\">" if p["host"] != "www.fox9.com" else "<html amp lang=\"en\">"
    return f"""<!doctype html>
{html_tag}
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<title>{esc(it['title'])} | {esc(p['name'])}</title>
<link rel="canonical" href="{attr(it['url'])}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta name="description" content="{attr(p.get('boilerplate') or it['excerpt'])}">
<script type="application/ld+json">{ld}</script>
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}@keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>body{{font-family:sans-serif;margin:0 16px}} header{{background:{p['color']}}}</style>
</head>
<body>
<header><a href="https://{p['host']}/"><amp-img src="{logo_url(p)}" width="180" height="40" alt="{attr(p['name'])}"></amp-img></a></header>
<article>
<h1>{esc(it['title'])}</h1>
<p class="byline">{esc(it['author'])} &middot; <time datetime="{pub}">{pub[:10]}</time></p>
{im}{paras}
</article>
<footer><a href="{attr(it['url'])}">View the full site</a> &middot; &copy; 2021 {esc(p['name'])}</footer>
</body>
</html>
"""


def home(p):
    lis = "\n".join(f'  <li><a href="{attr(i["url"])}">{esc(i["title"])}</a> <time datetime="{rfc3339(p, i["date"])}">{i["date"][:10]}</time><p>{esc(i["excerpt"])}</p></li>'
                    for i in sorted(p["items"], key=lambda i: i["date"], reverse=True))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(p['name'])} | {esc(p['tagline'])}</title>
<link rel="alternate" type="{feed_mime(p)}" title="{attr(p['name'])}" href="https://{p['host']}{p['feed'][1]}">
<meta property="og:site_name" content="{attr(p['name'])}">
</head>
<body>
{header(p)}
<main><h1>Latest</h1>
<ul class="river">
{lis}
</ul></main>
{footer(p)}
{COOKIE}
</body>
</html>
"""


# ------------------------------------------------------------------ feeds
def feed_mime(p):
    return {"rss2": "application/rss+xml", "rss2-messy": "application/rss+xml", "rss1": "application/rdf+xml",
            "atom": "application/atom+xml", "json": "application/feed+json"}[p["feed"][0]]


def body_html(it):
    return "".join(f"<p>{esc(x)}</p>" for x in it["body"])


def newest(p):
    return max(i["date"] for i in p["items"])


def rss2(p, messy=False):
    ns = 'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"'
    items = []
    for n, it in enumerate(sorted(p["items"], key=lambda i: i["date"], reverse=True)):
        title = esc(it["title"])
        descr = esc(it["excerpt"])
        kind = it.get("messy")
        if messy and kind == "amp-title":
            title = it["title"]  # unescaped '&'
        if messy and kind == "html-title":
            title = it["title"]  # raw '<b>' markup inside <title>
        if messy and kind == "nbsp":
            descr = descr.replace("Neural networks ", "Neural networks&nbsp;")  # undeclared entity
        x = [f"    <item>", f"      <title>{title}</title>", f"      <link>{esc(it['url'])}</link>"]
        if p.get("rich") or messy:
            x.append(f"      <comments>{esc(it['url'])}#respond</comments>")
        x.append(f"      <dc:creator><![CDATA[{it['author']}]]></dc:creator>")
        x.append(f"      <pubDate>{rfc822(p, it['date'])}</pubDate>")
        for t in it["tags"]:
            x.append(f"      <category><![CDATA[{t}]]></category>")
        x.append(f'      <guid isPermaLink="{"true" if n % 3 else "false"}">{esc(it["url"]) if n % 3 else "https://" + p["host"] + "/?p=" + str(40000 + n * 137)}</guid>')
        if messy and kind == "cp1252":
            x.append("      <description>" + descr.replace("Here’s", "Here\x00RSQUO\x00s") + "</description>")
        else:
            x.append(f"      <description>{descr}</description>")
        if p.get("rich"):
            x.append(f"      <content:encoded><![CDATA[{body_html(it)}]]></content:encoded>")
        img = it.get("image")
        if img:
            if p["host"] in ("www.dailydot.com", "www.khmertimeskh.com"):
                x.append(f'      <media:content url="{attr(img[0])}" medium="image" width="{img[1]}" height="{img[2]}"/>')
            elif p["host"] in ("ifex.org", "www.weau.com"):
                x.append(f'      <enclosure url="{attr(img[0])}" length="0" type="image/jpeg"/>')
        x.append("    </item>")
        items.append("\n".join(x))
    feed_url = f"https://{p['host']}{p['feed'][1]}"
    generator = "    <generator>https://wordpress.org/?v=5.8.1</generator>\n" if p.get("wordpress") else ""
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" {ns}>
  <channel>
    <title>{esc(p['name'])}</title>
    <atom:link href="{attr(feed_url)}" rel="self" type="application/rss+xml"/>
    <link>https://{p['host']}/</link>
    <description>{esc(p['tagline'])}</description>
    <lastBuildDate>{rfc822(p, newest(p))}</lastBuildDate>
    <language>en-US</language>
{generator}    <image>
      <url>{logo_url(p)}</url>
      <title>{esc(p['name'])}</title>
      <link>https://{p['host']}/</link>
    </image>
{chr(10).join(items)}
  </channel>
</rss>
"""
    data = text.encode("utf-8")
    # the windows-1252 byte: 0x92 is the right single quote in cp1252, invalid in UTF-8
    return data.replace(b"\x00RSQUO\x00", b"\x92")


def rss1(p):
    seq = "\n".join(f'        <rdf:li rdf:resource="{attr(i["url"])}"/>' for i in sorted(p["items"], key=lambda i: i["date"], reverse=True))
    items = []
    for it in sorted(p["items"], key=lambda i: i["date"], reverse=True):
        items.append(f"""  <item rdf:about="{attr(it['url'])}">
    <title>{esc(it['title'])}</title>
    <link>{esc(it['url'])}</link>
    <description>{esc(it['excerpt'])}</description>
    <dc:creator>{esc(it['author'])}</dc:creator>
    <dc:date>{rfc3339(p, it['date'])}</dc:date>
    <dc:subject>{esc(it['tags'][0])}</dc:subject>
  </item>""")
    feed_url = f"https://{p['host']}{p['feed'][1]}"
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{attr(feed_url)}">
    <title>{esc(p['name'])}</title>
    <link>https://{p['host']}/</link>
    <description>{esc(p['tagline'])}</description>
    <dc:language>en</dc:language>
    <dc:date>{rfc3339(p, newest(p))}</dc:date>
    <image rdf:resource="{logo_url(p)}"/>
    <items>
      <rdf:Seq>
{seq}
      </rdf:Seq>
    </items>
  </channel>
  <image rdf:about="{logo_url(p)}">
    <title>{esc(p['name'])}</title>
    <url>{logo_url(p)}</url>
    <link>https://{p['host']}/</link>
  </image>
{chr(10).join(items)}
</rdf:RDF>
"""


def atom(p):
    feed_url = f"https://{p['host']}{p['feed'][1]}"
    entries = []
    for it in sorted(p["items"], key=lambda i: i["date"], reverse=True):
        upd = rfc3339(p, (utc(it["date"]) + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ"))
        cats = "\n".join(f'    <category term="{attr(t)}"/>' for t in it["tags"])
        img = it.get("image")
        link_img = f'\n    <link rel="enclosure" type="image/jpeg" href="{attr(img[0])}"/>' if img else ""
        entries.append(f"""  <entry>
    <title type="text">{esc(it['title'])}</title>
    <link rel="alternate" type="text/html" href="{attr(it['url'])}"/>{link_img}
    <id>{esc(it['url'])}</id>
    <published>{rfc3339(p, it['date'])}</published>
    <updated>{upd}</updated>
    <author><name>{esc(it['author'])}</name></author>
{cats}
    <summary type="text">{esc(it['excerpt'])}</summary>
    <content type="html">{esc(body_html(it))}</content>
  </entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>{esc(p['name'])}</title>
  <subtitle>{esc(p['tagline'])}</subtitle>
  <id>https://{p['host']}/</id>
  <link rel="self" type="application/atom+xml" href="{attr(feed_url)}"/>
  <link rel="alternate" type="text/html" href="https://{p['host']}/"/>
  <updated>{rfc3339(p, newest(p))}</updated>
  <logo>{logo_url(p)}</logo>
  <generator>Lede sample newsroom</generator>
{chr(10).join(entries)}
</feed>
"""


def jsonfeed(p):
    items = []
    for it in sorted(p["items"], key=lambda i: i["date"], reverse=True):
        j = {"id": it["url"], "url": it["url"], "title": it["title"], "summary": it["excerpt"],
             "content_html": body_html(it), "date_published": rfc3339(p, it["date"]),
             "authors": [{"name": it["author"]}], "tags": it["tags"]}
        if it.get("image"):
            j["image"] = it["image"][0]
        if it.get("amp"):
            j["_amp"] = {"url": it["amp"]}
        items.append(j)
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": p["name"],
                       "home_page_url": f"https://{p['host']}/", "feed_url": f"https://{p['host']}{p['feed'][1]}",
                       "description": p["tagline"], "icon": logo_url(p), "language": "en-US",
                       "authors": [{"name": p["name"]}], "items": items}, ensure_ascii=False, indent=2) + "\n"


def opml():
    rows = []
    for p in PROVIDERS:
        kind = {"rss2": "rss", "rss2-messy": "rss", "rss1": "rss", "atom": "atom", "json": "json"}[p["feed"][0]]
        rows.append(f'      <outline type="{kind}" text="{attr(p["name"])}" title="{attr(p["name"])}" xmlUrl="https://{p["host"]}{p["feed"][1]}" htmlUrl="https://{p["host"]}/" category="{attr(p["category"])}"/>')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Lede sample newsroom</title>
    <dateCreated>Tue, 21 Sep 2021 00:00:00 GMT</dateCreated>
    <ownerName>Lede</ownerName>
  </head>
  <body>
    <outline text="Sample newsroom" title="Sample newsroom">
{chr(10).join(rows)}
    </outline>
  </body>
</opml>
"""


# ------------------------------------------------------------------ main
def main():
    for name in os.listdir(ROOT):
        if name in KEEP:
            continue
        path = os.path.join(ROOT, name)
        shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    prepare()
    pages = amps = 0
    for p in PROVIDERS:
        for it in p["items"]:
            write(it["page"], page(p, it))
            pages += 1
            if it.get("amp"):
                write(url_to_file(it["amp"]), amp_page(p, it))
                amps += 1
        write(url_to_file(f"https://{p['host']}/"), home(p))
        kind, path = p["feed"]
        data = {"rss2": lambda: rss2(p), "rss2-messy": lambda: rss2(p, messy=True), "rss1": lambda: rss1(p),
                "atom": lambda: atom(p), "json": lambda: jsonfeed(p)}[kind]()
        write(url_to_file(f"https://{p['host']}{path}"), data)
    write(os.path.join(ROOT, "sources.opml"), opml())
    print(f"{len(PROVIDERS)} feeds, {sum(len(p['items']) for p in PROVIDERS)} items, {pages} article pages, {amps} AMP pages")


if __name__ == "__main__":
    main()
