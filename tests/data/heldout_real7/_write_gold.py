#!/usr/bin/env python3
"""Hand annotation of the heldout7 texts (written without seeing the extractor). csv module, CRLF."""
import csv, pathlib
root = pathlib.Path(__file__).resolve().parent
G = root / 'gold'; G.mkdir(exist_ok=True)
YC='yinchuan-2023-eldercare-facility-area-standard-qa'
BZ='bozhou-2024-civil-affairs-tasks-progress'
QDN='qiandongnan-2024-ten-livelihood-projects-report'
LPS='liupanshui-2024-home-community-care-project-progress'
XJ='xianju-2022-dementia-care-bed-subsidy-notice'
YT='yanta-2024-eldercare-subsidy-publicity'
TZ='taizhou-2011-cppcc-eldercare-research-report'
CX='cixi-2011-cppcc-key-proposal-consultation'

manifest = [
 ('id','file','city','province','region_code','format','provenance'),
 (YC,'01_'+YC+'.txt','银川市','宁夏回族自治区','640100','text','https://yinchuan.gov.cn/xxgk/zcwd/bm/ycsmzj_71540/202310/t20231030_4331674.html (search corpus pages, retrieved 2026-12-03; excerpt as returned by the tool)'),
 (BZ,'02_'+BZ+'.txt','亳州市','安徽省','341600','text','https://mzj.bozhou.gov.cn/XxgkContent/show/2713684.html (search corpus pages, retrieved 2026-12-03; excerpt as returned by the tool)'),
 (QDN,'03_'+QDN+'.txt','黔东南苗族侗族自治州','贵州省','522600','text','http://qdnwm.gov.cn/jujiaoqdn/4742.html (search corpus pages, retrieved 2026-12-03; excerpt as returned by the tool)'),
 (LPS,'04_'+LPS+'.txt','六盘水市','贵州省','520200','text','http://mzj.gzlps.gov.cn/bmxxgk/zfxxgk_5712730/fdzdgknr/zdly/jbshfw_5712740/202410/t20241018_85953720.html (search corpus pages, retrieved 2026-12-03; excerpt as returned by the tool)'),
 (XJ,'05_'+XJ+'.txt','仙居县','浙江省','331024','text','http://www.zjxj.gov.cn/art/2022/12/15/art_1229558505_58982865.html (search corpus pages, retrieved 2026-12-03; excerpt as returned by the tool)'),
 (YT,'06_'+YT+'.txt','西安市雁塔区','陕西省','610113','text','http://www.yanta.gov.cn/xxgk/zdxxgk/ylfwly/gsba/1797520028487684098.html (search corpus pages, retrieved 2026-12-03; excerpt as returned by the tool)'),
 (TZ,'07_'+TZ+'.txt','台州市','浙江省','331000','text','https://www.zjtzzx.gov.cn/art/2011/3/10/art_1229057336_43989049.html (search corpus pages, retrieved 2026-12-03; excerpt as returned by the tool)'),
 (CX,'08_'+CX+'.txt','慈溪市','浙江省','330282','text','https://cxzx.gov.cn/index.php/home/content?id=823651 (search corpus pages, retrieved 2026-12-03; excerpt as returned by the tool)'),
]

documents = [
 ('document_id','title','doc_number','issuer','published_date','written_date','doc_type'),
 (YC,'住宅小区养老服务场所面积配比为多少?','','银川市民政局','2023-10-30','','other'),
 (BZ,'','','','','','other'),
 (QDN,'','','黔东南苗族侗族自治州人民政府','','','other'),
 (LPS,'','','','','','notice'),
 (XJ,'关于下拨2022年认知障碍照护专区床位补助资金的通知','','仙居县民政局','','2022-12-09','notice'),
 (YT,'西安市雁塔区民政局关于2023年推进养老服务高质量发展支持政策项目拟补助资金的公示','','西安市雁塔区民政局','','2024-06-03','notice'),
 (TZ,'发展养老事业 加快养老服务体系建设','','台州市政协宣传处','2011-03-10','','other'),
 (CX,'','','','','','other'),
]

targets = [
 ('source_id','indicator','comparator','value','value_max','unit','deadline_year','scope','quote'),
 (YC,'新建居住(小)区养老服务设施配建标准(每百户)','gte','30','','平方米','','新建居住(小)区','每百户不少于30平方米'),
 (YC,'已建成居住(小)区和老城区养老服务设施建设标准(每百户)','gte','20','','平方米','','已建成居住(小)区和老城区','每百户不少于20平方米'),
 (BZ,'新增村级养老服务站','eq','64','','个','2024','全市','加强老年人权益保护,新增村级养老服务站64个'),
 (BZ,'村级养老服务站覆盖率','eq','45','','%','2024','全市','村级养老服务站覆盖率提高到45%'),
 (BZ,'家庭适老化改造','eq','5000','','户','2024','全市','完成家庭适老化改造5000户,新增'),
 (BZ,'新增社区嵌入式养老服务机构','eq','3','','家','2024','全市','新增社区嵌入式养老服务机构3家'),
 (QDN,'特殊困难老年人家庭适老化改造','eq','2000','','户','','全州','对2000户特殊困难老年人家庭适老化改造'),
 (QDN,'示范性社区老年助餐点','eq','16','','个','','全州','打造16个示范性社区老年助餐点'),
]

subsidies = [
 ('source_id','kind','recipient','amount_yuan','rate_percent','cap_yuan','basis','frequency','quote'),
 (LPS,'construction','特殊困难家庭(家庭养老床位建设)','13510557','','','total','one_off','使用资金共1351.0557万元'),
 (LPS,'service_purchase','特殊困难家庭(居家养老上门服务)','3976579','','','total','one_off','使用资金共397.6579万元'),
 (XJ,'construction','养老机构认知障碍照护专区(改造)','15000','','','bed','one_off','按每张床位一般 1.5 万元的标准给予补贴'),
 (XJ,'construction','仙居县白塔安康养老院、仙居嘉园康复养老院(认知障碍照护专区床位)','598050','','','total','one_off','现下拨2022年认知障碍照护专区床位补助资金共59.805万'),
 (YT,'construction','养老机构(床位改扩建)','585000','','','total','one_off','2023年度养老机构床位改扩建补助项目1个,共计58.5万元'),
 (YT,'operation','养老机构(床位运营)','609100','','','total','one_off','2023年度养老机构床位运营补助项目8个,共计60.91万元'),
 (YT,'operation','街道综合养老服务中心(床位运营)','41040','','','total','one_off','2023年街道综合养老服务中心床位运营补助项目3个,共计4.104万元'),
 (YT,'operation','街道综合养老服务中心(社区运营服务)','161070','','','total','one_off','2023年街道综合养老服务中心社区运营服务补助项目2个,共计16.107万元'),
 (YT,'construction','社区养老服务站','6786395.7','','','total','one_off','2023年社区养老服务站建设补助项目24个,共计678.63957万元'),
 (YT,'operation','社区养老服务站','2971230','','','total','one_off','2023年社区养老服务站运营补助项目45个,共计297.123万元'),
 (YT,'operation','农村互助幸福院','20000','','','total','one_off','2023年农村互助幸福院运营补助项目1个,共计2万元'),
 (YT,'construction','老年人助餐服务(助餐点)','200000','','','total','one_off','2023年老年人助餐服务建设补助项目2个,共计20万元'),
 (YT,'operation','老年人助餐服务(助餐点)','32672','','','total','one_off','2023年老年人助餐服务运营补助项目2个,共计3.2672万元'),
 (YT,'construction','家庭养老床位','172540','','','total','one_off','2023年度家庭养老床位建设补助项目5个,共计17.254万元'),
 (YT,'operation','家庭养老床位','30600','','','total','one_off','2023年度家庭养老床位运营补助项目4个,共计3.06万元'),
 (YT,'other','养老护理员(岗位补助)','114300','','','total','one_off','2023年养老护理员岗位补助申请25人,共计11.43万元'),
 (YT,'reward','入职养老护理岗位的大中专院校毕业生','360000','','','total','one_off','2023年大中专院校毕业生入职养老护理岗位补助申请9人,共计36万元'),
 (YT,'reward','规模化连锁化运营的养老服务机构','200000','','','total','one_off','2023年养老服务机构规模化连锁化补助项目1个,共计20万元'),
]

measures = [
 ('source_id','path','heading'),
 (BZ,'T210','持续开展“精康融合行动”,年底累计建成精神障碍社区康复站点不少于10个'),
 (BZ,'T208','推动社区(村)慈善基金发展,新增10家社区(村)慈善基金。扎实组织开展慈善一日捐活动,推动“善行亳州”行动深入开展'),
 (BZ,'T207','加强老年人权益保护,新增村级养老服务站64个,村级养老服务站覆盖率提高到45%,完成家庭适老化改造5000户,新增社区嵌入式养老服务机构3家'),
 (BZ,'T206','推进村(社区)“救急难”互助社建设,年底村(社区)“救急难”互助社覆盖率达到100%,发挥村级“救急难”互助社作用,做好困难群众兜底保障'),
 (QDN,'1','促进群众就业增收'),
 (QDN,'2','办好人民满意教育'),
 (QDN,'3','提高卫生健康水平'),
 (QDN,'4','完善养老服务体系和儿童福利机构'),
 (QDN,'5','实施城市更新改造'),
 (QDN,'6','完善生活配套设施'),
 (QDN,'7','丰富文化体育生活'),
 (QDN,'8','完善农村消防基础设施'),
 (QDN,'9','强化农村公路安全隐患治理'),
 (QDN,'10','打造宜居环境'),
 (TZ,'1','我市养老服务体系建设现状'),
 (TZ,'1.1','进入老龄化社会早,老人人口比例高'),
 (TZ,'1.2','增速快'),
 (TZ,'1.3','高龄老人多'),
]

def write(path, rows):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        csv.writer(f, lineterminator='\r\n').writerows(rows)
write(root / 'manifest.csv', manifest)
write(G / 'documents.csv', documents)
write(G / 'targets.csv', targets)
write(G / 'subsidies.csv', subsidies)
write(G / 'measures.csv', measures)
print(len(documents)-1, len(targets)-1, len(subsidies)-1, len(measures)-1)
