#!/usr/bin/env python3
"""Write each text exactly as the search tool (corpus `pages`) returned it: the `excerpt` JSON string literal."""
import json
from pathlib import Path

HERE = Path(__file__).parent
TEXTS = {
    # http://gx.wenming.cn/wmcj/202107/t20210726_6122801.htm (search corpus pages, 2026-12-04)
    "01_liuzhou-2021-eldercare-list-news.txt": r'''"您当前的位置:首页 -> 文明创建 -> 正文\n柳州谋划一系列“养老清单”\n柳州日报  2021-07-26\n\n  到2025年,平均每个设区市每年实施特殊困难家庭适老化改造800户以上,特殊困难老年人月探访率达到100%,新建城区、居住(小)区养老服务设施面积达标率达到100%,街道综合养老服务中心覆盖率达到100%,养老机构护理型床位在55%以上……23日上午召开的柳州市养老服务工作会议,谋划了一系列“养老清单”。\n\n  据悉,目前柳州市60周岁以上老年人总数已达71.48万人。为此,“十四五”期间,柳州市将重点完善城市养老服务体系,支持三级养老服务设施建设,实现柳州各县区建有失能失智老年人集中照护的普惠型养老机构,所有街道至少建有一个具备全托、日托、上门服务、运营家庭养老床位等综合功能的养老服务中心。\n\n  此外,今年,街道层面建设综合养老服务中心的任务已纳入自治区优化营商环境指标。今年底前,柳州各县区街道综合养老服务中心覆盖率达到60%以上,力争覆盖率达到80%以上,在2022年底前将实现全覆盖。 (来源:柳州日报 记者 周仟仟 实习生 宁静波)\n\n相关链接"''',
    # http://www.gov.cn/xinwen/2022-02/25/content_5675683.htm (search corpus pages, 2026-12-04)
    "02_national-2022-nursing-bed-share-chart.txt": r'''"图表:破解养老服务的“难中之难”“十四五”机构养老55%床位将向失能失智老人倾斜\n2022-02-25 22:15 来源: 新华社\n【字体:大 中 小】打印\n\n到2025年,我国养老机构护理型床位占比要达到55%。国务院日前印发的《“十四五”国家老龄事业发展和养老服务体系规划》围绕养老服务体系建设中的失能失智老人照护难题设置了这一主要指标,着力破解养老服务的“难中之难” 。\n新华社发 程硕 制图\n【我要纠错】 责任编辑:杨鹤\n扫一扫在手机打开当前页"''',
}

for name, literal in TEXTS.items():
    (HERE / name).write_text(json.loads(literal), encoding="utf-8")
    print("wrote", name)
