"""A deterministic bilingual corpus for benchmarks: N issues per language, ~8-10 KB of Markdown
per English issue and ~12-14 KB per Chinese one (the real Chinese content is that dense: the
seed policy document alone is 29 KB).

    python -m benchmarks.corpus --issues 500 --out /tmp/corpus [--seed 1] [--cadence weekly]

Writes DIR/site.yaml (a copy of the repository's), DIR/content/{en,zh}/issues/{1..N}.md and two
pages per language. The theme is not copied: build with the repository theme (the runner links
DIR/themes to it). Every issue has 2 `##` sections and 6-8 `###` articles with explicit ids that
are the same in both languages, 3-6 paragraphs per article, a source line per article, and now
and then a table, a list, a boxed panel or a link to an article of an earlier issue.

Issue k's text depends only on (seed, k), not on N: every random choice comes from
random.Random(f"{seed}:{k}:...") (string seeds are hashed with SHA-512, independent of
PYTHONHASHSEED), so the output is byte-identical across runs and machines. Dates are weekly (or
monthly) from 2000-01-01; if the last issue would fall after LATEST, the whole series is moved
back so that it ends there (the generator leaves future-dated issues out by default).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
START = dt.date(2000, 1, 1)
LATEST = dt.date(2025, 12, 31)  # fixed, so that the corpus does not depend on today's date
LANGS = ("en", "zh")

# ----- shared vocabulary: (slug, English, Chinese) -----------------------------------------
TOPICS = [
    ("artificial-intelligence", "Artificial Intelligence", "人工智能"),
    ("quantum-communication", "Quantum Communication", "量子通信"),
    ("quantum-computing", "Quantum Computing", "量子计算"),
    ("clean-energy", "Clean Energy", "清洁能源"),
    ("new-energy-vehicles", "New Energy Vehicles", "新能源汽车"),
    ("biomedicine", "Biomedicine", "生物医药"),
    ("agricultural-science", "Agricultural Science", "农业科技"),
    ("marine-science", "Marine Science", "海洋科学"),
    ("climate-change", "Climate Change Research", "气候变化研究"),
    ("advanced-manufacturing", "Advanced Manufacturing", "先进制造"),
    ("new-materials", "New Materials", "新材料"),
    ("space-science", "Space Science", "空间科学"),
    ("big-data", "Big Data", "大数据"),
    ("smart-cities", "Smart Cities", "智慧城市"),
    ("water-resources", "Water Resources Management", "水资源管理"),
    ("earthquake-monitoring", "Earthquake Monitoring", "地震监测"),
    ("public-health", "Public Health", "公共卫生"),
    ("high-speed-rail", "High-Speed Rail Technology", "高速铁路技术"),
    ("nanotechnology", "Nanotechnology", "纳米技术"),
    ("genomics", "Genomics", "基因组学"),
    ("integrated-circuits", "Integrated Circuits", "集成电路"),
    ("environmental-protection", "Environmental Protection", "环境保护"),
    ("satellite-navigation", "Satellite Navigation", "卫星导航"),
    ("polar-research", "Polar Research", "极地科考"),
    ("traditional-medicine", "Traditional Chinese Medicine", "中医药"),
    ("carbon-capture", "Carbon Capture and Storage", "碳捕集与封存"),
    ("energy-storage", "Energy Storage", "储能技术"),
    ("robotics", "Robotics", "机器人"),
    ("precision-agriculture", "Precision Agriculture", "精准农业"),
    ("ecological-conservation", "Ecological Conservation", "生态保护"),
    ("supercomputing", "Supercomputing", "超级计算"),
    ("photovoltaics", "Photovoltaics", "光伏发电"),
    ("hydrogen-energy", "Hydrogen Energy", "氢能"),
    ("seed-industry", "Seed Industry", "种业"),
    ("deep-sea-exploration", "Deep-Sea Exploration", "深海探测"),
    ("brain-science", "Brain Science", "脑科学"),
]
# slug, English, Chinese, capital (en), capital (zh), one-character short form (zh)
COUNTRIES = [
    ("canada", "Canada", "加拿大", "Ottawa", "渥太华", "加"),
    ("russia", "Russia", "俄罗斯", "Moscow", "莫斯科", "俄"),
    ("germany", "Germany", "德国", "Berlin", "柏林", "德"),
    ("france", "France", "法国", "Paris", "巴黎", "法"),
    ("uk", "the United Kingdom", "英国", "London", "伦敦", "英"),
    ("italy", "Italy", "意大利", "Rome", "罗马", "意"),
    ("japan", "Japan", "日本", "Tokyo", "东京", "日"),
    ("korea", "the Republic of Korea", "韩国", "Seoul", "首尔", "韩"),
    ("singapore", "Singapore", "新加坡", "Singapore", "新加坡", "新"),
    ("israel", "Israel", "以色列", "Tel Aviv", "特拉维夫", "以"),
    ("brazil", "Brazil", "巴西", "Brasilia", "巴西利亚", "巴"),
    ("south-africa", "South Africa", "南非", "Pretoria", "比勒陀利亚", "南"),
    ("egypt", "Egypt", "埃及", "Cairo", "开罗", "埃"),
    ("australia", "Australia", "澳大利亚", "Canberra", "堪培拉", "澳"),
    ("new-zealand", "New Zealand", "新西兰", "Wellington", "惠灵顿", "新"),
    ("finland", "Finland", "芬兰", "Helsinki", "赫尔辛基", "芬"),
    ("sweden", "Sweden", "瑞典", "Stockholm", "斯德哥尔摩", "瑞"),
    ("switzerland", "Switzerland", "瑞士", "Bern", "伯尔尼", "瑞"),
    ("netherlands", "the Netherlands", "荷兰", "Amsterdam", "阿姆斯特丹", "荷"),
    ("belarus", "Belarus", "白俄罗斯", "Minsk", "明斯克", "白"),
    ("ukraine", "Ukraine", "乌克兰", "Kiev", "基辅", "乌"),
    ("kazakhstan", "Kazakhstan", "哈萨克斯坦", "Astana", "阿斯塔纳", "哈"),
    ("pakistan", "Pakistan", "巴基斯坦", "Islamabad", "伊斯兰堡", "巴"),
    ("thailand", "Thailand", "泰国", "Bangkok", "曼谷", "泰"),
    ("vietnam", "Vietnam", "越南", "Hanoi", "河内", "越"),
    ("indonesia", "Indonesia", "印度尼西亚", "Jakarta", "雅加达", "印尼"),
    ("mexico", "Mexico", "墨西哥", "Mexico City", "墨西哥城", "墨"),
    ("argentina", "Argentina", "阿根廷", "Buenos Aires", "布宜诺斯艾利斯", "阿"),
    ("chile", "Chile", "智利", "Santiago", "圣地亚哥", "智"),
    ("hungary", "Hungary", "匈牙利", "Budapest", "布达佩斯", "匈"),
    ("serbia", "Serbia", "塞尔维亚", "Belgrade", "贝尔格莱德", "塞"),
    ("portugal", "Portugal", "葡萄牙", "Lisbon", "里斯本", "葡"),
    ("spain", "Spain", "西班牙", "Madrid", "马德里", "西"),
    ("denmark", "Denmark", "丹麦", "Copenhagen", "哥本哈根", "丹"),
    ("norway", "Norway", "挪威", "Oslo", "奥斯陆", "挪"),
    ("ethiopia", "Ethiopia", "埃塞俄比亚", "Addis Ababa", "亚的斯亚贝巴", "埃"),
]
PROVINCES = [
    ("beijing", "Beijing", "北京市"), ("shanghai", "Shanghai", "上海市"),
    ("guangdong", "Guangdong", "广东省"), ("zhejiang", "Zhejiang", "浙江省"),
    ("jiangsu", "Jiangsu", "江苏省"), ("sichuan", "Sichuan", "四川省"),
    ("hubei", "Hubei", "湖北省"), ("shaanxi", "Shaanxi", "陕西省"),
    ("chongqing", "Chongqing", "重庆市"), ("anhui", "Anhui", "安徽省"),
    ("shandong", "Shandong", "山东省"), ("fujian", "Fujian", "福建省"),
    ("yunnan", "Yunnan", "云南省"), ("tianjin", "Tianjin", "天津市"),
    ("liaoning", "Liaoning", "辽宁省"), ("hainan", "Hainan", "海南省"),
]
SECTIONS = [  # the second section of an issue; the first is always international cooperation
    ("innovation-policy", "Science, Technology and Innovation Policy", "科技创新政策"),
    ("research-progress", "Research Progress", "科研进展"),
    ("regional-innovation", "Regional Innovation", "区域创新"),
    ("high-tech-industry", "High-Tech Industry", "高新技术产业"),
    ("conferences", "Conferences and Events", "会议与活动"),
]
FIRST_SECTION = ("international-cooperation",
                 "Updates of International Science & Technology Cooperation", "国际科技合作动态")
SOURCES = [
    ("www.cistc.gov.cn", "中国国际科技合作网 www.cistc.gov.cn"),
    ("www.most.gov.cn", "科技部网站 www.most.gov.cn"),
    ("Science and Technology Daily", "科技日报"),
    ("Xinhua News Agency", "新华社"),
    ("www.cas.cn", "中国科学院网站 www.cas.cn"),
    ("www.nsfc.gov.cn", "国家自然科学基金委员会网站"),
    ("China Daily", "中国日报"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# ----- English -----------------------------------------------------------------------------
ACTORS_EN = [
    "the Ministry of Science and Technology (MOST)", "the Chinese Academy of Sciences",
    "the National Natural Science Foundation of China", "Tsinghua University",
    "Peking University", "Zhejiang University", "the China Association for Science and Technology",
    "the Shanghai Municipal Science and Technology Commission",
    "the Guangdong Provincial Department of Science and Technology",
    "the Chinese Academy of Engineering", "the Torch High Technology Industry Development Center",
    "the China Science and Technology Exchange Center",
    "the Chinese Academy of Agricultural Sciences", "Fudan University",
    "the University of Science and Technology of China", "Wuhan University",
]
OFFICIALS_EN = [
    "Vice Minister of Science and Technology Li Meng",
    "Minister of Science and Technology Wang Zhigang", "Vice Minister Yin Hejun",
    "Director-General Ye Dongbai of the Department of International Cooperation",
    "Vice President of the Chinese Academy of Sciences Zhang Tao",
    "Deputy Director-General Chen Linhao",
    "President of the National Natural Science Foundation Li Jinghai",
    "Vice Minister Huang Wei", "Vice Minister Xu Nanping", "Counsellor Zhao Jianping",
]
FOREIGN_TITLES_EN = [
    "Minister of Science and Innovation", "Deputy Minister of Education and Science",
    "State Secretary for Research", "Chairman of the State Science and Technology Committee",
    "President of the National Research Council", "Minister of Higher Education and Research",
    "Director of the National Innovation Agency", "Chief Scientist",
]
ACTIONS_EN = [
    "set up joint laboratories", "promote the exchange of researchers",
    "support joint research projects", "strengthen cooperation between science parks",
    "facilitate technology transfer", "share large research facilities",
    "train young scientists and engineers", "jointly fund research projects",
    "build technology transfer centers", "organize joint workshops and training courses",
    "encourage cooperation between small and medium-sized enterprises",
    "deepen dialogue on innovation policy",
    "improve the protection of intellectual property rights",
    "support the commercialization of research results",
    "expand cooperation at sub-national levels",
    "establish an innovation dialogue mechanism", "develop international standards together",
    "open national research programs to foreign researchers",
    "build demonstration bases for international cooperation",
    "support the mobility of postdoctoral researchers",
]
GOALS_EN = [
    "address common challenges such as climate change and public health",
    "bring tangible benefits to the people of both countries",
    "promote sustainable economic and social development",
    "make due contributions to global scientific progress",
    "enhance the capacity for independent innovation", "upgrade traditional industries",
    "foster new drivers of growth", "implement the innovation-driven development strategy",
    "improve the efficiency of public research funding", "narrow the regional innovation gap",
    "turn research results into products that reach the market",
]
TRENDS_EN = [
    "the new round of scientific and technological revolution", "digital transformation",
    "the integration of science and industry", "open science", "green and low-carbon development",
    "the rapid growth of data-intensive research",
]
STAKEHOLDERS_EN = [
    "universities and research institutes", "enterprises", "science parks", "young scientists",
    "local governments", "business incubators", "think tanks", "funding agencies",
    "national laboratories", "technology transfer agencies",
]
PRINCIPLES_EN = [
    "innovation is the primary driving force of development",
    "science and technology are the primary productive force",
    "international cooperation is indispensable for tackling global challenges",
    "open cooperation is the only way to achieve win-win results",
    "talent is the most valuable resource for innovation",
    "basic research is the source of original innovation",
]
ACHIEVEMENTS_EN = [
    "trained more than {num} researchers from {n} countries",
    "filed {num} patent applications and published more than {num2} papers",
    "become an important platform for cooperation between the two countries",
    "hosted {n} international conferences and more than {num} visiting scholars",
    "transferred {n} technologies to enterprises in the region",
]
COOPERATION_EN = ["people-to-people exchanges", "joint research", "policy dialogue",
                  "cooperation between enterprises", "exchanges between young scientists"]
EVENTS_EN = [
    ("China Hi-Tech Fair", "中国国际高新技术成果交易会"), ("Zhongguancun Forum", "中关村论坛"),
    ("World Artificial Intelligence Conference", "世界人工智能大会"),
    ("China-ASEAN Technology Transfer Forum", "中国—东盟技术转移论坛"),
    ("International Forum on Science and Technology Cooperation", "国际科技合作论坛"),
    ("China Innovation and Entrepreneurship Competition", "中国创新创业大赛"),
    ("Pujiang Innovation Forum", "浦江创新论坛"),
]

# ----- Chinese -----------------------------------------------------------------------------
ACTORS_ZH = [
    "科学技术部", "中国科学院", "国家自然科学基金委员会", "清华大学", "北京大学", "浙江大学",
    "中国科学技术协会", "上海市科学技术委员会", "广东省科学技术厅", "中国工程院",
    "科技部火炬高技术产业开发中心", "中国科学技术交流中心", "中国农业科学院", "复旦大学",
    "中国科学技术大学", "武汉大学",
]
OFFICIALS_ZH = [
    "科技部副部长李萌", "科技部部长王志刚", "科技部副部长阴和俊", "国际合作司司长叶冬柏",
    "中国科学院副院长张涛", "国际合作司副司长陈霖豪", "国家自然科学基金委员会主任李静海",
    "科技部副部长黄卫", "科技部副部长徐南平", "科技参赞赵建平",
]
FOREIGN_TITLES_ZH = [
    "科学与创新部部长", "教育与科学部副部长", "研究事务国务秘书", "国家科学技术委员会主席",
    "国家研究理事会主席", "高等教育与研究部部长", "国家创新署署长", "首席科学家",
]
ACTIONS_ZH = [
    "共建联合实验室", "促进科研人员交流", "支持联合研究项目", "加强科技园区合作", "推动技术转移",
    "共享大型科研设施", "培养青年科技人才", "联合资助研究项目", "建设技术转移中心",
    "共同举办研讨会和培训班", "鼓励中小企业开展创新合作", "深化创新政策对话", "加强知识产权保护",
    "推动科技成果转化", "拓展地方间科技合作", "建立创新对话机制", "共同制定国际标准",
    "向外国科学家开放国家科技计划", "建设国际科技合作基地", "支持博士后研究人员流动",
]
GOALS_ZH = [
    "共同应对气候变化、公共卫生等全球性挑战", "为两国人民带来实实在在的福祉",
    "促进经济社会可持续发展", "为全球科技进步作出应有贡献", "提升自主创新能力",
    "推动传统产业转型升级", "培育经济发展新动能", "深入实施创新驱动发展战略",
    "提高科研经费使用效益", "缩小区域创新差距", "加快科研成果走向市场",
]
TRENDS_ZH = ["新一轮科技革命和产业变革", "数字化转型", "科技与产业深度融合", "开放科学",
             "绿色低碳发展", "数据密集型科研的快速发展"]
STAKEHOLDERS_ZH = ["高校和科研院所", "企业", "科技园区", "青年科学家", "地方政府", "企业孵化器",
                   "科技智库", "科研资助机构", "国家实验室", "技术转移机构"]
PRINCIPLES_ZH = ["创新是引领发展的第一动力", "科学技术是第一生产力",
                 "国际合作是应对全球性挑战不可或缺的途径", "开放合作是实现互利共赢的必由之路",
                 "人才是创新的第一资源", "基础研究是原始创新的源头"]
ACHIEVEMENTS_ZH = [
    "已为{n}个国家培养科研人员{num}余名", "累计申请专利{num}项，发表论文{num2}余篇",
    "已成为两国科技合作的重要平台", "先后举办国际会议{n}次，接待访问学者{num}余人次",
    "已向区域内企业转移技术成果{n}项",
]
COOPERATION_ZH = ["人文交流", "联合研究", "政策对话", "企业间合作", "青年科学家交流"]
FILLERS_ZH = ["科技创新", "国际合作", "研发中心", "联合实验室", "成果转化", "产学研合作",
              "高新技术产业", "基础研究", "创新驱动发展", "科技园区", "创新创业", "技术转移"]


@dataclass(frozen=True)
class Article:
    id: str
    title: dict[str, str]  # lang -> heading text
    country: tuple | None
    topic: tuple
    kind: str


@dataclass(frozen=True)
class Issue:
    number: int
    date: dt.date
    sections: tuple[tuple[tuple[str, str, str], tuple[Article, ...]], ...]

    @property
    def articles(self) -> list[Article]:
        return [a for _, arts in self.sections for a in arts]


def issue_dates(count: int, cadence: str) -> list[dt.date]:
    """Weekly from START (monthly: the 15th), moved back so the last is not after LATEST."""
    if cadence == "weekly":
        start = min(START, LATEST - dt.timedelta(weeks=count - 1))
        return [start + dt.timedelta(weeks=k) for k in range(count)]
    first = min(START.year * 12 + START.month - 1, LATEST.year * 12 + LATEST.month - count)
    return [dt.date((first + k) // 12, (first + k) % 12 + 1, 15) for k in range(count)]


def _article(rng: random.Random, kind: str, used: set[str]) -> Article:
    topic = rng.choice(TOPICS)
    country = rng.choice(COUNTRIES) if kind in ("mou", "strengthen", "lab", "committee") else None
    t_slug, t_en, t_zh = topic
    if kind == "strengthen":
        c = country
        ident = f"china-{c[0]}-{t_slug}"
        title = {"en": f"China, {c[1].removeprefix('the ')} Strengthen Cooperation in {t_en}",
                 "zh": f"中{c[5]}加强{t_zh}领域合作"}
    elif kind == "mou":
        c = country
        ident = f"china-{c[0]}-mou-{t_slug}"
        title = {"en": f"China, {c[1].removeprefix('the ')} Sign MOU on {t_en} Cooperation",
                 "zh": f"中{c[5]}签署{t_zh}合作谅解备忘录"}
    elif kind == "lab":
        c = country
        ident = f"china-{c[0]}-{t_slug}-laboratory"
        title = {"en": f"China-{c[1].removeprefix('the ')} Joint Laboratory on {t_en} Inaugurated",
                 "zh": f"中国—{c[2]}{t_zh}联合实验室揭牌"}
    elif kind == "committee":
        c = country
        n = rng.randint(2, 15)
        ident = f"china-{c[0]}-joint-committee-{n}"
        title = {"en": f"Meeting No.{n} of the China-{c[1].removeprefix('the ')} Joint Committee "
                       "on S&T Cooperation Held",
                 "zh": f"中国—{c[2]}政府间科技合作委员会第{n}次会议召开"}
    elif kind == "breakthrough":
        ident = f"{t_slug}-breakthrough"
        title = {"en": f"Chinese Scientists Make Breakthrough in {t_en}",
                 "zh": f"我国科学家在{t_zh}领域取得重要突破"}
    elif kind == "plan":
        p = rng.choice(PROVINCES)
        ident = f"{p[0]}-{t_slug}-plan"
        title = {"en": f"{p[1]} Launches Action Plan for {t_en}",
                 "zh": f"{p[2]}发布{t_zh}发展行动计划"}
    elif kind == "event":
        e = rng.choice(EVENTS_EN)
        p = rng.choice(PROVINCES)
        ident = f"{p[0]}-{t_slug}-forum"
        title = {"en": f"{e[0]} Focuses on {t_en}", "zh": f"{e[1]}聚焦{t_zh}"}
    elif kind == "guidelines":
        ident = f"guidelines-{t_slug}"
        title = {"en": f"MOST Issues Guidelines on Promoting {t_en}",
                 "zh": f"科技部印发关于促进{t_zh}发展的指导意见"}
    else:  # program
        ident = f"key-program-{t_slug}"
        title = {"en": f"National Key R&D Program on {t_en} Launched",
                 "zh": f"国家重点研发计划“{t_zh}”重点专项启动"}
    base, k = ident, 2
    while ident in used:
        ident, k = f"{base}-{k}", k + 1
    used.add(ident)
    return Article(ident, title, country, topic, kind)


def plan_issue(seed: int, number: int, date: dt.date) -> Issue:
    """The issue's structure (sections, article ids and titles), shared by both languages."""
    rng = random.Random(f"{seed}:{number}:structure")
    used: set[str] = set()
    n_articles = rng.randint(6, 8)
    first = rng.randint(3, n_articles - 3)
    intl = tuple(_article(rng, rng.choice(["strengthen", "mou", "lab", "committee"]), used)
                 for _ in range(first))
    second = rng.choice(SECTIONS)
    used.update({FIRST_SECTION[0], second[0]})
    domestic = tuple(_article(rng, rng.choice(["breakthrough", "plan", "event", "guidelines",
                                                "program"]), used)
                     for _ in range(n_articles - first))
    return Issue(number, date, ((FIRST_SECTION, intl), (second, domestic)))


# ----- sentences -----------------------------------------------------------------------------
def _date_en(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _date_zh(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _sentence_en(rng: random.Random, art: Article, day: dt.date) -> str:
    c = art.country or rng.choice(COUNTRIES)
    country, capital = c[1], c[3]
    f1, f2, f3 = (t[1].lower() if t[0] != "traditional-medicine" else t[1]
                  for t in rng.sample(TOPICS, 3))
    topic = art.topic[1].lower() if art.topic[0] != "traditional-medicine" else art.topic[1]
    a1, a2, a3 = rng.sample(ACTIONS_EN, 3)
    actor = rng.choice(ACTORS_EN)
    num, n = rng.randint(20, 900), rng.randint(3, 40)
    k = rng.randrange(14)
    if k == 0:
        return (f"On {_date_en(day)}, {rng.choice(OFFICIALS_EN)} met with a delegation led by the "
                f"{rng.choice(FOREIGN_TITLES_EN)} of {country} in {capital}.")
    if k == 1:
        return (f"The two sides exchanged views on {f1}, {f2} and {topic}, and agreed to {a1} "
                f"and {a2}.")
    if k == 2:
        return (f"Representatives of {actor} said that China and {country} were complementary "
                f"in {topic} and had enormous potential for cooperation.")
    if k == 3:
        return f"According to the agreement, the two sides will {a1}, {a2} and {a3}."
    if k == 4:
        return (f"Over the past {n} years, {actor} has supported more than {num} joint research "
                f"projects in {topic}, with total funding of {rng.randint(5, 900)}."
                f"{rng.randint(0, 9)} million yuan.")
    if k == 5:
        return (f"The meeting was presided over by {rng.choice(OFFICIALS_EN)} and attended by more "
                f"than {num} representatives from universities, research institutes and "
                "enterprises.")
    if k == 6:
        return (f"Participants agreed that {rng.choice(TRENDS_EN)} was reshaping {topic}, and "
                f"called for closer {rng.choice(COOPERATION_EN)} to {rng.choice(GOALS_EN)}.")
    if k == 7:
        goal = rng.choice(GOALS_EN)
        return f"{actor[0].upper()}{actor[1:]} will {a1} and {a2} in order to {goal}."
    if k == 8:
        return f"It was also agreed that {rng.choice(STAKEHOLDERS_EN)} should {a1}."
    if k == 9:
        event = rng.choice(EVENTS_EN)[0]
        return (f"The {event} attracted {num} exhibitors from {n} countries and regions, "
                f"showcasing the latest achievements in {f1}, {f2} and {f3}.")
    if k == 10:
        ach = rng.choice(ACHIEVEMENTS_EN).format(num=num, n=n, num2=num * 3)
        return (f"Since its establishment in {day.year - rng.randint(2, 15)}, the China-"
                f"{country.removeprefix('the ')} Joint Research Center for {art.topic[1]} has "
                f"{ach}.")
    if k == 11:
        return (f"{rng.choice(OFFICIALS_EN)} stressed that {rng.choice(PRINCIPLES_EN)}, and that "
                f"{rng.choice(STAKEHOLDERS_EN)} should {a1} and {a2}.")
    if k == 12:
        return (f"The research team, led by scientists from {actor}, reported that the new "
                f"method reduced costs by {rng.randint(10, 60)} percent compared with existing "
                f"approaches in {topic}.")
    return (f"Experts noted that progress in {topic} would depend on {rng.choice(COOPERATION_EN)} "
            f"and on the ability of {rng.choice(STAKEHOLDERS_EN)} to {a3}.")


def _sentence_zh(rng: random.Random, art: Article, day: dt.date) -> str:
    c = art.country or rng.choice(COUNTRIES)
    country, capital, short = c[2], c[4], c[5]
    f1, f2, f3 = (t[2] for t in rng.sample(TOPICS, 3))
    topic = art.topic[2]
    a1, a2, a3 = rng.sample(ACTIONS_ZH, 3)
    actor = rng.choice(ACTORS_ZH)
    num, n = rng.randint(20, 900), rng.randint(3, 40)
    w1, w2 = rng.sample(FILLERS_ZH, 2)
    k = rng.randrange(14)
    if k == 0:
        return (f"{_date_zh(day)}，{rng.choice(OFFICIALS_ZH)}在{capital}会见了{country}"
                f"{rng.choice(FOREIGN_TITLES_ZH)}率领的代表团。")
    if k == 1:
        return f"双方就{f1}、{f2}和{topic}等领域的合作深入交换了意见，一致同意{a1}，{a2}。"
    if k == 2:
        return f"{actor}有关负责人表示，中{short}两国在{topic}领域互补性强，合作潜力巨大。"
    if k == 3:
        return f"根据协议，双方将{a1}、{a2}，并{a3}。"
    if k == 4:
        return (f"近{n}年来，{actor}累计支持{topic}领域联合研究项目{num}项，资助总额达"
                f"{rng.randint(1, 90)}.{rng.randint(0, 9)}亿元。")
    if k == 5:
        return (f"会议由{rng.choice(OFFICIALS_ZH)}主持，来自高校、科研院所和企业的{num}余名代表"
                "出席会议。")
    if k == 6:
        return (f"与会代表认为，{rng.choice(TRENDS_ZH)}正在深刻改变{topic}的发展格局，呼吁进一步"
                f"加强{rng.choice(COOPERATION_ZH)}，{rng.choice(GOALS_ZH)}。")
    if k == 7:
        return f"{actor}将{a1}，{a2}，{rng.choice(GOALS_ZH)}。"
    if k == 8:
        return f"双方还商定，{rng.choice(STAKEHOLDERS_ZH)}应积极{a1}，推动{w1}和{w2}。"
    if k == 9:
        event = rng.choice(EVENTS_EN)[1]
        return (f"本届{event}吸引了来自{n}个国家和地区的{num}家参展单位，集中展示了{f1}、{f2}、"
                f"{f3}等领域的最新成果。")
    if k == 10:
        ach = rng.choice(ACHIEVEMENTS_ZH).format(num=num, n=n, num2=num * 3)
        year = day.year - rng.randint(2, 15)
        return f"中国—{country}{topic}联合研究中心自{year}年成立以来，{ach}。"
    if k == 11:
        return (f"{rng.choice(OFFICIALS_ZH)}强调，{rng.choice(PRINCIPLES_ZH)}，"
                f"{rng.choice(STAKEHOLDERS_ZH)}要{a1}、{a2}。")
    if k == 12:
        return (f"由{actor}科研人员牵头的研究团队表示，新方法使{topic}相关成本比现有技术降低了"
                f"{rng.randint(10, 60)}%。")
    return (f"专家指出，{topic}的发展离不开{rng.choice(COOPERATION_ZH)}，也有赖于"
            f"{rng.choice(STAKEHOLDERS_ZH)}{a3}的能力，{w1}与{w2}需要协同推进。")


SENTENCE = {"en": _sentence_en, "zh": _sentence_zh}


def _paragraph(rng: random.Random, lang: str, art: Article, day: dt.date, budget: int) -> str:
    out: list[str] = []
    size = 0
    while size < budget or not out:
        s = SENTENCE[lang](rng, art, day)
        out.append(s)
        size += len(s.encode("utf-8")) + 1
    return (" " if lang == "en" else "").join(out)


def _table(rng: random.Random, lang: str) -> str:
    head = ("| Field | Joint projects | Funding (million yuan) |" if lang == "en"
            else "| 领域 | 联合项目（项） | 资助金额（百万元） |")
    rows = [head, "|---|---:|---:|"]
    for topic in rng.sample(TOPICS, rng.randint(3, 6)):
        name = topic[1] if lang == "en" else topic[2]
        projects, million, tenth = rng.randint(3, 80), rng.randint(5, 600), rng.randint(0, 9)
        rows.append(f"| {name} | {projects} | {million}.{tenth} |")
    return "\n".join(rows)


def _list(rng: random.Random, lang: str) -> str:
    if lang == "en":
        items = rng.sample(ACTIONS_EN, rng.randint(3, 5))
        return "The agreement covers the following areas:\n\n" + "\n".join(
            f"- to {item};" for item in items[:-1]) + f"\n- to {items[-1]}."
    items = rng.sample(ACTIONS_ZH, rng.randint(3, 5))
    return "协议主要包括以下内容：\n\n" + "\n".join(f"- {item}；" for item in items[:-1]) + \
        f"\n- {items[-1]}。"


def _panel(rng: random.Random, lang: str, art: Article, day: dt.date) -> str:
    if lang == "en":
        title = f"Box: National Program for International Cooperation in {art.topic[1]}"
    else:
        title = f"专栏：{art.topic[2]}国际科技合作专项"
    text = _paragraph(rng, lang, art, day, 300)
    return f'!!! panel "{title}"\n    {text}'


def _source(rng: random.Random, lang: str, day: dt.date) -> str:
    en, zh = rng.choice(SOURCES)
    if lang == "en":
        return f"(Source: {en}, {_date_en(day)})\n{{: .source }}"
    return f"（来源：{zh}，{_date_zh(day)}）\n{{: .source }}"


def _summary(issue: Issue, lang: str) -> str:
    intl = issue.sections[0][1]
    countries: list[tuple] = []
    for art in intl:
        if art.country and art.country not in countries:
            countries.append(art.country)
    second = issue.sections[1]
    if lang == "en":
        names = [c[1] for c in countries]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        topics = sorted({a.topic[1] for a in second[1]})
        return (f"Updates on China's science and technology cooperation with {listed}, and "
                f"reports on {second[0][1].lower()} in {', '.join(topics[:3])}.")
    listed = "、".join(c[2] for c in countries)
    topics = sorted({a.topic[2] for a in second[1]})
    return (f"本期报道中国与{listed}的科技合作最新进展，并聚焦{'、'.join(topics[:3])}等领域的"
            f"{second[0][2]}。")


def _link(seed: int, lang: str, plans: dict[int, Issue], number: int, at: int) -> str | None:
    """A sentence linking to an article of an earlier issue (the same one in both languages)."""
    if number <= 1:
        return None
    rng = random.Random(f"{seed}:{number}:link:{at}")
    target = rng.randint(max(1, number - 40), number - 1)
    art = rng.choice(plans[target].articles)
    if lang == "en":
        return f"See also [No.{target}]({target}.md#{art.id}): {art.title['en']}."
    return f"另见[第{target}期]({target}.md#{art.id})：{art.title['zh']}。"


# Markdown bytes per issue: a target drawn per issue between these bounds.
SIZES = {"en": (8300, 9700), "zh": (12800, 14000)}


def render_issue(seed: int, issue: Issue, lang: str, plans: dict[int, Issue]) -> str:
    """The issue's Markdown, of about the size SIZES gives its language."""
    target = random.Random(f"{seed}:{issue.number}:size").randint(*SIZES[lang])
    per_para, best = 300, (1 << 30, "")
    for _ in range(12):  # a few deterministic passes, scaling the paragraph budget
        text = _render_issue(seed, issue, lang, plans, per_para)
        size = len(text.encode("utf-8"))
        best = min(best, (abs(size - target), text))
        if abs(size - target) <= 300:
            break
        per_para = max(20, int(per_para * target / size))
    return best[1]


def _render_issue(seed: int, issue: Issue, lang: str, plans: dict[int, Issue],
                  per_para: int) -> str:
    rng = random.Random(f"{seed}:{issue.number}:{lang}")
    shape = random.Random(f"{seed}:{issue.number}:shape")  # same in both languages
    arts = issue.articles
    n_paras = [shape.choice((3, 3, 4, 4, 4, 5, 5, 6)) for _ in arts]
    extras = {  # article index -> extra block kinds (same in both languages)
        "table": shape.randrange(len(arts)) if shape.random() < 0.25 else None,
        "list": shape.randrange(len(arts)) if shape.random() < 0.35 else None,
        "panel": shape.randrange(len(arts)) if shape.random() < 0.15 else None,
    }
    links = {shape.randrange(len(arts)) for _ in range(shape.choice([0, 0, 1, 1, 2]))}
    title = "Department of International Cooperation, Ministry of Science and Technology (MOST), " \
        "P.R. China"
    if lang == "en":
        colophon = (f"  {title}\n\n  Weekly · Editorial Board: 54, Sanlihe Road, Beijing 100045, "
                    "China\n\n  Contact: [nis@cstec.org.cn](mailto:nis@cstec.org.cn)\n")
    else:
        colophon = ("  - 科学技术部国际合作司\n  - 周刊 · 编辑部：北京三里河路54号，邮编100045\n"
                    "  - 电子邮箱：nis@cstec.org.cn\n")
    head = [
        "---", f"number: {issue.number}", f"date: {issue.date.isoformat()}",
        f"summary: \"{_summary(issue, lang)}\"",
    ]
    if lang == "zh":
        head.append("translation_of: en")
    head += ["colophon: |", colophon.rstrip("\n"), "---", ""]
    header = "\n".join(head) + "\n"
    blocks: list[str] = []
    at = 0
    for (sec_id, sec_en, sec_zh), sec_arts in issue.sections:
        blocks.append(f"## {sec_en if lang == 'en' else sec_zh} {{#{sec_id}}}")
        for art in sec_arts:
            day = issue.date - dt.timedelta(days=rng.randint(3, 30))
            blocks.append(f"### {art.title[lang]} {{#{art.id}}}")
            paras = [_paragraph(rng, lang, art, day, per_para) for _ in range(n_paras[at])]
            if at in links and (sentence := _link(seed, lang, plans, issue.number, at)):
                paras[-1] += (" " if lang == "en" else "") + sentence
            if extras["list"] == at:
                paras.insert(1, _list(rng, lang))
            if extras["table"] == at:
                paras.insert(len(paras) - 1, _table(rng, lang))
            if extras["panel"] == at:
                paras.append(_panel(rng, lang, art, day))
            blocks.extend(paras)
            blocks.append(_source(rng, lang, day))
            at += 1
    return header + "\n" + "\n\n".join(blocks) + "\n"


PAGES = {
    "about": {
        "en": ("About this newsletter", "What the newsletter is and what this site contains.",
               "The *China Science and Technology Newsletter* is published by the Department of "
               "International Cooperation, Ministry of Science and Technology (MOST), P.R. China. "
               "It reports on China's international science and technology cooperation and on "
               "developments in science, technology and innovation in China.\n\n"
               "This site contains every issue in English, with Chinese translations. The latest "
               "issue is [No.{n}](../issues/{n}.md); the first one is [No.1](../issues/1.md).\n\n"
               "To follow new issues, subscribe to the [RSS feed](/en/feed.xml)."),
        "zh": ("关于本刊", "介绍《中国科技通讯》以及本站收录的内容。",
               "《中国科技通讯》由中华人民共和国科学技术部国际合作司主办，报道我国国际科技合作动态"
               "以及科技创新方面的进展。\n\n本站收录各期通讯的英文原文及中文译文。最新一期为"
               "[第{n}期](../issues/{n}.md)，创刊号为[第1期](../issues/1.md)。\n\n"
               "如需及时获取新一期内容，欢迎订阅本站的 [RSS 源](/zh/feed.xml)。"),
    },
    "editorial-policy": {
        "en": ("Editorial policy", "How articles are selected, sourced and translated.",
               "## Selection {#selection}\n\nArticles report on cooperation agreements, joint "
               "laboratories, research programs and policy documents. Every article names its "
               "source.\n\n## Translation {#translation}\n\n- Chinese editions are translations "
               "of the English originals;\n- article anchors are the same in both languages;\n"
               "- nothing is machine-translated.\n"),
        "zh": ("编辑方针", "文章的选取、来源和翻译。",
               "## 选题 {#selection}\n\n本刊报道科技合作协议、联合实验室、科研计划和政策文件，"
               "每篇文章均注明来源。\n\n## 翻译 {#translation}\n\n- 中文版译自英文原文；\n"
               "- 两种语言的文章锚点一致；\n- 不使用机器翻译。\n"),
    },
}


def write_corpus(out: Path, issues: int, seed: int = 1, cadence: str = "weekly") -> Path:
    """Write the site folder; return it. Existing content/ is replaced."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "site.yaml", out / "site.yaml")
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    dates = issue_dates(issues, cadence)
    plans = {k: plan_issue(seed, k, dates[k - 1]) for k in range(1, issues + 1)}
    for lang in LANGS:
        folder = content / lang / "issues"
        folder.mkdir(parents=True)
        for k, plan in plans.items():
            (folder / f"{k}.md").write_bytes(render_issue(seed, plan, lang, plans).encode())
        pages = content / lang / "pages"
        pages.mkdir(parents=True)
        for name, texts in PAGES.items():
            title, summary, body = texts[lang]
            meta = [f"title: {title}", f"summary: {summary}", f"translation_key: {name}"]
            if lang == "zh":
                meta.append("translation_of: en")
            text = "---\n" + "\n".join(meta) + "\n---\n\n" + body.replace("{n}", str(issues))
            (pages / f"{name}.md").write_bytes(text.rstrip("\n").encode() + b"\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, required=True, help="issues per language")
    parser.add_argument("--out", type=Path, required=True, help="site folder to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cadence", choices=["weekly", "monthly"], default="weekly")
    args = parser.parse_args(argv)
    if args.issues < 1:
        parser.error("--issues must be at least 1")
    write_corpus(args.out, args.issues, args.seed, args.cadence)
    files = sorted((args.out / "content").rglob("*.md"))
    size = sum(p.stat().st_size for p in files)
    print(f"wrote {len(files)} files, {size / 1e6:.1f} MB, to {args.out}/content")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
