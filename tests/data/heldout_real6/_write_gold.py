import csv, pathlib
root = pathlib.Path('/work/heldout6'); g = root/'gold'
def w(path, header, rows):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        cw = csv.writer(f); cw.writerow(header); cw.writerows(rows)

X='xinye-2025-eldercare-institution-subsidy-statement'
B='bazhou-2023-day-care-operation-subsidy-notice'
Y='yinzhou-nb-2024-purchased-service-subsidy-notice'
R='renhuai-2021-suggestion-reply-eldercare-childcare-planning'
H='henan-2023-community-eldercare-coverage-news'
N='national-2022-nursing-bed-share-chart'
S='haiyan-2022-eldercare-work-plan-draft-consultation'
J='jiangdu-2022-14th-fyp-eldercare-development-plan'
files = {X:'01_xinye-2025-eldercare-institution-subsidy-statement.txt',
 B:'02_bazhou-2023-day-care-operation-subsidy-notice.txt',
 Y:'03_yinzhou-nb-2024-purchased-service-subsidy-notice.txt',
 R:'04_renhuai-2021-suggestion-reply-eldercare-childcare-planning.txt',
 H:'05_henan-2023-community-eldercare-coverage-news.txt',
 N:'06_national-2022-nursing-bed-share-chart.txt',
 S:'07_haiyan-2022-eldercare-work-plan-draft-consultation.txt',
 J:'08_jiangdu-2022-14th-fyp-eldercare-development-plan.txt'}
P='search corpus pages, retrieved 2026-12-03; opening excerpt of '
man = [
 (X,'新野县','河南省','411329','https://www.xinye.gov.cn/2026/01-22/1380833.html'),
 (B,'巴中市巴州区','四川省','511902','http://bzqzf.gov.cn/jczwgk/gkly/ylfw/ylfwxyglxx/ylfwfcbtxx/11526031.html'),
 (Y,'宁波市鄞州区','浙江省','330212','https://www.nbyz.gov.cn/art/2024/6/3/art_1229611828_59222810.html'),
 (R,'仁怀市','贵州省','520382','https://www.rh.gov.cn/zwgk/zfxxgk/fdzdgknr/jyta/202110/t20211018_70924771.html'),
 (H,'河南省','河南省','410000','http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/2023-02/01/content_5739527.htm'),
 (N,'全国','全国','100000','http://www.gov.cn/xinwen/2022-02/25/content_5675683.htm'),
 (S,'海盐县','浙江省','330424','http://www.haiyan.gov.cn/art/2022/4/18/art_1562212_59381778.html'),
 (J,'扬州市江都区','江苏省','321012','http://www.jiangdu.gov.cn/zgjd/sswgh/202205/74da37e7983f48b39e7d7f0b12fea7e5.shtml'),
]
w(root/'manifest.csv', ['id','file','city','province','region_code','format','provenance'],
  [(i, files[i], c, p, rc, 'text', P + u + ' (text exactly as the search tool returned it; the tool truncates long pages)') for i,c,p,rc,u in man])

w(g/'documents.csv', ['document_id','title','doc_number','issuer','published_date','written_date','doc_type'], [
 (X,'关于养老机构财政补贴资金有关情况的说明','','新野县民政局','2026-01-22','2025-12-31','notice'),
 (B,'下拨2022年日间照料中心运营补贴的通知','','巴中市巴州区民政局','2023-04-16','2023-01-10','notice'),
 (Y,'关于下拨2024年4月政府购买服务补助资金和2024年4月老年照护等级评估资金的通知','','宁波市鄞州区民政局','2024-06-03','2024-05-28','notice'),
 (R,'','','仁怀市民政局','','2021-07-19','suggestion_reply'),
 (H,'河南7334個社區實現養老服務設施全覆蓋','','河南日報','2023-02-01','','other'),
 (N,'图表:破解养老服务的“难中之难”“十四五”机构养老55%床位将向失能失智老人倾斜','','新华社','2022-02-25','','other'),
 (S,'关于公开征求《海盐县关于推进养老服务高质量发展的工作方案(征求意见稿)》的通知','','海盐县民政局','2022-04-18','','notice'),
 (J,'区政府办公室关于印发扬州市江都区“十四五”养老服务发展规划的通知','','扬州市江都区人民政府办公室','2022-04-25','2022-04-19','work_plan'),
])

w(g/'targets.csv', ['source_id','indicator','comparator','value','value_max','unit','deadline_year','scope','quote'], [
 (H,'示範性居家社區養老服務網絡','eq','50','','个','2023','','建成50個示範性居家社區養老服務網絡'),
 (H,'鄉鎮敬老院轉型為區域養老服務中心','eq','200','','个','2023','','有序推進200個鄉鎮敬老院轉型為區域養老服務中心'),
 (H,'適老化改造','eq','60000','','户','2023','','完成6萬戶適老化改造任務'),
 (N,'养老机构护理型床位占比','eq','55','','%','2025','全国','到2025年,我国养老机构护理型床位占比要达到55%'),
])

w(g/'subsidies.csv', ['source_id','kind','recipient','amount_yuan','rate_percent','cap_yuan','basis','frequency','quote'], [
 (X,'other','符合条件的民办养老服务机构(建设补贴和运营补贴,2025年)','2032520','','','total','one_off','对符合条件的民办养老服务机构给予建设补贴和运营补贴,2025年共计2032520元'),
 (B,'operation','城乡日间照料中心(2022年度运营补贴资金,下达各乡镇街道)','702000','','','total','one_off','现下达2022度城乡日间照料中心运营补贴资金70.2万元'),
 (Y,'service_purchase','享受政府购买服务的老年人(2024年4月政府购买服务补助资金)','1197466','','','total','one_off','下拨2024年4月政府购买服务补助资金1197466元'),
 (Y,'service_purchase','享受政府购买服务的老年人(其中市级补助)','424847','','','total','one_off','其中市级补助424847元'),
 (Y,'service_purchase','享受政府购买服务的老年人(其中区级补助)','772619','','','total','one_off','区级补助772619元'),
 (Y,'service_purchase','享受政府购买服务的老年人(镇(街道)配套资金)','170203','','','total','one_off','另外需要镇(街道)配套170203元'),
 (Y,'other','各镇(街道)老年照护等级评估(2024年4月评估资金)','1250','','','total','one_off','下拨2024年4月老年照护等级评估资金1250元'),
])

w(g/'measures.csv', ['source_id','path','heading'], [
 (S,'1','工作目标'),
 (J,'1','规划背景'),
 (J,'1.1','政策体系不断完善'),
 (J,'1.2','养老基本保障不断加强'),
])
