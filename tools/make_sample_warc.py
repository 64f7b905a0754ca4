#!/usr/bin/env python3
"""Build tests/fixtures/sample.warc.gz, pith's bundled sample crawl, from tests/fixtures/pages/.

Usage: tools/make_sample_warc.py [PAGES_DIR] [OUT.warc.gz]

Stdlib only, deterministic (fixed dates, record ids derived from names, gzip mtime 0), so rerunning it
reproduces the checked-in file byte for byte. One gzip member per record, as Common Crawl writes them.
The records, in order:
  warcinfo (WARC/1.1)
  per page: a request and a 200 response, the page stored in its own encoding; the charset is declared
    in the HTTP Content-Type for some pages and only in the page's <meta> for others; bodies are stored
    plain, gzip-encoded, chunked, or chunked over gzip, as crawlers store them raw
  a revisit record (identical payload digest) of the first page
  a request and a 404 response (an HTML error page)
  a request and a 200 image/png response (a non-HTML record)
  a metadata record
Expected reading: 19 records; 6 passed (the pages); skipped: 11 not a response, 1 HTTP status, 1 not HTML.
"""
import datetime, gzip, hashlib, os, struct, sys, uuid, zlib

# file, URL, charset sent in the HTTP header (None: only the page's <meta> declares it), body coding
PAGES = [
    ("en-utf8.html", "https://valleycourier.example/environment/millbrook-salmon", "utf-8", "plain"),
    ("ko-euc-kr.html", "https://hanbit-daily.example/society/rooftop-gardens", None, "gzip"),
    ("ja-shift_jis.html", "https://minatomachi-shimbun.example/local/wagashi", "Shift_JIS", "chunked"),
    ("zh-gbk.html", "https://news-center.example/edu/mountain-school", None, "chunked+gzip"),
    ("ru-windows-1251.html", "https://gorodskie-vesti.example/city/library-of-things", "windows-1251", "gzip"),
    ("de-iso-8859-1.html", "https://kreisbote.example/lokales/baeckerei-marktplatz", None, "plain"),
]
T0 = datetime.datetime(2024, 3, 1, 12, 0, 0)


def record_id(name):
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'pith-sample/' + name)}>"


def warc_record(headers, block, version="WARC/1.0"):
    head = version + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def chunked(body, size=700):
    out = b""
    for i in range(0, len(body), size):
        piece = body[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def http_response(status, content_type, body, coding="plain"):
    headers = [("Content-Type", content_type), ("Server", "nginx"), ("Date", "Fri, 01 Mar 2024 12:00:00 GMT")]
    if "gzip" in coding:
        body = gzip.compress(body, 6, mtime=0)
        headers.append(("Content-Encoding", "gzip"))
    if "chunked" in coding:
        body = chunked(body)
        headers.append(("Transfer-Encoding", "chunked"))
    else:
        headers.append(("Content-Length", str(len(body))))
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


def http_request(url):
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: pith-sample/1.0\r\nAccept: text/html\r\n\r\n".encode()


def tiny_png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes([40, 120, 200]) * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    pages_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "tests", "fixtures", "pages")
    out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "tests", "fixtures", "sample.warc.gz")
    records = []
    clock = [0]

    def date():
        clock[0] += 1
        return (T0 + datetime.timedelta(seconds=clock[0])).strftime("%Y-%m-%dT%H:%M:%SZ")

    def exchange(name, url, status, content_type, body, coding="plain", payload_type=None):
        req_id = record_id(name + "/request")
        records.append(warc_record([("WARC-Type", "request"), ("WARC-Date", date()), ("WARC-Record-ID", req_id),
                                    ("WARC-Target-URI", url),
                                    ("Content-Type", "application/http; msgtype=request")], http_request(url)))
        headers = [("WARC-Type", "response"), ("WARC-Date", date()), ("WARC-Record-ID", record_id(name)),
                   ("WARC-Target-URI", url), ("WARC-Concurrent-To", req_id),
                   ("WARC-Payload-Digest", "sha1:" + hashlib.sha1(body).hexdigest().upper())]
        if payload_type:
            headers.append(("WARC-Identified-Payload-Type", payload_type))
        headers.append(("Content-Type", "application/http; msgtype=response"))
        records.append(warc_record(headers, http_response(status, content_type, body, coding)))

    info = b"software: pith tools/make_sample_warc.py\r\nformat: WARC File Format 1.1\r\n" \
           b"description: pith's bundled sample crawl (fixture pages in six languages and encodings)\r\n"
    records.append(warc_record([("WARC-Type", "warcinfo"), ("WARC-Date", T0.strftime("%Y-%m-%dT%H:%M:%SZ")),
                                ("WARC-Record-ID", record_id("warcinfo")), ("WARC-Filename", "sample.warc.gz"),
                                ("Content-Type", "application/warc-fields")], info, "WARC/1.1"))
    for i, (name, url, charset, coding) in enumerate(PAGES):
        with open(os.path.join(pages_dir, name), "rb") as f:
            body = f.read()
        ctype = "text/html" + (f"; charset={charset}" if charset else "")
        exchange(name, url, "200 OK", ctype, body, coding, "text/html" if i % 2 == 0 else None)
    first_name, first_url = PAGES[0][0], PAGES[0][1]
    with open(os.path.join(pages_dir, first_name), "rb") as f:
        first = f.read()
    revisit_http = http_response("200 OK", "text/html; charset=utf-8", b"").rsplit(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    records.append(warc_record([("WARC-Type", "revisit"), ("WARC-Date", date()),
                                ("WARC-Record-ID", record_id(first_name + "/revisit")),
                                ("WARC-Target-URI", first_url),
                                ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
                                ("WARC-Refers-To", record_id(first_name)),
                                ("WARC-Payload-Digest", "sha1:" + hashlib.sha1(first).hexdigest().upper()),
                                ("Content-Type", "application/http; msgtype=response")], revisit_http))
    not_found = (b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
                 b"<p>The requested URL was not found on this server.</p></body></html>")
    exchange("missing", "https://valleycourier.example/environment/old-story", "404 Not Found",
             "text/html; charset=utf-8", not_found, "plain", "text/html")
    exchange("logo.png", "https://valleycourier.example/static/logo.png", "200 OK", "image/png", tiny_png(),
             "plain", "image/png")
    records.append(warc_record([("WARC-Type", "metadata"), ("WARC-Date", date()),
                                ("WARC-Record-ID", record_id("metadata")), ("WARC-Target-URI", first_url),
                                ("WARC-Concurrent-To", record_id(first_name)),
                                ("Content-Type", "application/warc-fields")], b"fetchTimeMs: 212\r\n"))
    with open(out_path, "wb") as out:
        for rec in records:
            out.write(gzip.compress(rec, 9, mtime=0))
    print(f"{out_path}: {len(records)} records, {os.path.getsize(out_path)} bytes")


if __name__ == "__main__":
    main()
