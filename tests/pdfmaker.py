"""Chinese PDFs for tests, written by hand: the Adobe-GB1 standard font needs no embedding,
so a few lines of PDF syntax give a real PDF that pdfminer reads back as Chinese text."""

FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [{cid} 0 R] >>",
    b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
    b"/Ordering (GB1) /Supplement 4 >> /FontDescriptor {descriptor} 0 R >>",
    b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
    b"/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
)


def cjk_pdf_pages(pages: list[list[str]]) -> bytes:
    """A PDF with one page per list of lines, in the standard Adobe-GB1 font."""
    n = len(pages)
    font = 3 + 2 * n  # objects: catalog, pages, (page, content) per page, then the three font objects
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(n))}] /Count {n} >>".encode(),
    ]
    for i, lines in enumerate(pages):
        content = ["BT", "/F1 12 Tf", "14 TL", "50 800 Td"]
        content += ["<" + line.encode("utf-16-be").hex().upper() + "> Tj T*" for line in lines]
        stream = "\n".join([*content, "ET"]).encode("ascii")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> "
            f"/Contents {4 + 2 * i} 0 R >>".encode()
        )
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    objects += [
        FONT[0].replace(b"{cid}", str(font + 1).encode()),
        FONT[1].replace(b"{descriptor}", str(font + 2).encode()),
        FONT[2],
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def cjk_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing `lines`, one per line."""
    return cjk_pdf_pages([lines])
