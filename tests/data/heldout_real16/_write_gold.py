#!/usr/bin/env python3
"""Hand-made gold for heldout16, written with the csv module (CRLF, RFC 4180)."""
import csv
from pathlib import Path

HERE = Path(__file__).parent
G = HERE / "gold"
G.mkdir(exist_ok=True)
L = "liuzhou-2021-eldercare-list-news"
N = "national-2022-nursing-bed-share-chart"

def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)

write(HERE / "manifest.csv", ["id", "file", "city", "province", "region_code", "format", "provenance"], [
    [L, f"01_{L}.txt", "柳州市", "广西壮族自治区", "450200", "text",
     "http://gx.wenming.cn/wmcj/202107/t20210726_6122801.htm search corpus pages, retrieved 2026-12-04"],
    [N, f"02_{N}.txt", "", "全国", "100000", "text",
     "http://www.gov.cn/xinwen/2022-02/25/content_5675683.htm search corpus pages, retrieved 2026-12-04"],
])

write(G / "documents.csv", ["document_id", "title", "doc_number", "issuer", "published_date", "written_date", "doc_type"], [
    [L, "柳州谋划一系列“养老清单”", "", "柳州日报", "2021-07-26", "", "other"],
    [N, "图表:破解养老服务的“难中之难”“十四五”机构养老55%床位将向失能失智老人倾斜", "", "新华社", "2022-02-25", "", "other"],
])

write(G / "targets.csv", ["source_id", "indicator", "comparator", "value", "value_max", "unit", "deadline_year", "scope", "quote"], [
    [L, "特殊困难家庭适老化改造户数(每个设区市每年)", "gte", "800", "", "户", "2025", "平均每个设区市", "平均每个设区市每年实施特殊困难家庭适老化改造800户以上"],
    [L, "特殊困难老年人月探访率", "eq", "100", "", "%", "2025", "", "特殊困难老年人月探访率达到100%"],
    [L, "新建城区、居住(小)区养老服务设施面积达标率", "eq", "100", "", "%", "2025", "新建城区、居住(小)区", "新建城区、居住(小)区养老服务设施面积达标率达到100%"],
    [L, "街道综合养老服务中心覆盖率", "eq", "100", "", "%", "2025", "", "街道综合养老服务中心覆盖率达到100%"],
    [L, "养老机构护理型床位占比", "gte", "55", "", "%", "2025", "", "养老机构护理型床位在55%以上"],
    [L, "具备综合功能的街道养老服务中心数量(每个街道)", "gte", "1", "", "个", "2025", "所有街道", "所有街道至少建有一个具备全托、日托、上门服务、运营家庭养老床位等综合功能的养老服务中心"],
    [L, "街道综合养老服务中心覆盖率", "gte", "60", "", "%", "2021", "柳州各县区", "今年底前,柳州各县区街道综合养老服务中心覆盖率达到60%以上"],
    [L, "街道综合养老服务中心覆盖率(力争)", "gte", "80", "", "%", "2021", "柳州各县区", "力争覆盖率达到80%以上"],
    [N, "养老机构护理型床位占比", "eq", "55", "", "%", "2025", "全国", "到2025年,我国养老机构护理型床位占比要达到55%"],
])

# nine shared columns, then condition and recipient_type (brief: extra columns at the end)
write(G / "subsidies.csv", ["source_id", "kind", "recipient", "amount_yuan", "rate_percent", "cap_yuan", "basis", "frequency", "quote", "condition", "recipient_type"], [])

write(G / "measures.csv", ["source_id", "path", "heading"], [])
print("gold written")
