"""Write the hand-decided `jurisdiction` key into tests/devcorpus/golden/*.json (PART9_jurisdiction.md).

Every value was decided by reading the golden (issuers, title, 文号) and the source lines, never from sztext
output. The first issuer decides; MANUAL holds the documents read by hand (no issuer in the golden, or an
issuer the prefix rules do not place). `--write` rewrites the files (json.dumps(ensure_ascii=False, indent=1)).
"""
import json, glob, re, sys, tomllib
from pathlib import Path
ROOT = str(Path(__file__).resolve().parents[1])
divs = [l.split(' ', 1) for l in tomllib.load(open(ROOT + '/grammars/places.toml', 'rb'))['list']['divisions']]
names = {}
for code, n in divs:
    names.setdefault(n, []).append(code)
NAT = '中华人民共和国'
# national organs: issuer starts with one of these (incl. the 2 courts, ministries, 政务院, old ministries)
NAT_START = ('国务院', '中华人民共和国', '中共中央', '全国', '最高人民', '国家', '政务院', '中国证监会', '中国证券监督管理委员会',
             '中国电力企业联合会', '国网', '中共国家电网')
NAT_MIN = re.compile(r'^(教育|公安|民政|商务|水利|交通运输|交通|林业|人事|财政|自然资源|工业和信息化|住房和城乡建设|文化和旅游|人力资源和社会保障|科学技术)(部|部办公厅|部科技司)$')
# decisions for documents whose golden names no issuer (read from the source; see PART9_jurisdiction.md)
MANUAL = {
    # central body cells: national where the text speaks as a national body
    '0025': NAT, '0027': NAT, '0030': NAT, '0033': NAT, '0035': NAT, '0036': NAT, '0037': NAT, '0038': NAT,
    '0042': NAT, '0043': None, '0044': NAT, '0047': NAT, '0048': NAT, '0049': NAT, '0051': NAT, '0052': NAT,
    '0053': NAT, '0056': NAT, '0057': NAT, '0058': None, '0060': None, '0062': NAT, '0063': NAT, '0067': NAT,
    '0073': NAT, '0076': NAT, '0077': NAT, '0078': NAT, '0079': NAT, '0080': NAT, '0081': NAT, '0083': NAT,
    '0086': NAT, '0088': NAT, '0090': NAT, '0093': NAT, '0095': NAT, '0096': None, '0099': NAT, '0102': NAT,
    '0103': None, '0105': NAT, '0106': NAT, '0108': NAT, '0109': NAT, '0113': NAT, '0116': NAT, '0117': NAT,
    # shandong body cells
    '0120': '山东省', '0121': '山东省', '0122': '山东省', '0123': '山东省', '0124': '济南市', '0125': '济南市',
    '0126': '青岛市', '0127': '青岛市', '0128': '山东省', '0129': '山东省', '0130': '山东省', '0131': '山东省',
    '0133': '山东省', '0136': '济南市', '0137': '济南市', '0139': '济南市', '0140': '青岛市', '0142': '山东省',
    '0143': '济南市', '0145': '青岛市', '0147': '山东省', '0149': '山东省', '0150': '山东省', '0151': '济南市',
    '0153': '青岛市', '0155': '青岛市', '0157': '山东省', '0158': '济南市', '0160': None, '0161': '山东省',
    '0162': '山东省', '0163': '山东省', '0164': '山东省', '0165': '青岛市', '0166': '山东省', '0167': '山东省',
    '0169': '山东省', '0198': '山东省',
    '0235': NAT, '0243': NAT, '0244': NAT, '0248': NAT,
    # Guangzhou pages: the place of the body the page names as 来源; news (南方+, 广州日报) null
    '0249': None, '0250': '天河区', '0251': '天河区', '0252': '广州市', '0253': '广州市', '0254': None,
    '0256': '天河区', '0257': '广州市', '0258': '广州市', '0259': '广州市', '0260': '广州市', '0261': '广州市',
    '0262': '广州市', '0263': '广州市', '0264': '广州市', '0266': '广州市', '0267': '广州市', '0269': '广州市',
    '0270': '广州市', '0271': '广东省', '0273': '广州市', '0275': '广州市', '0276': '天河区', '0277': None,
    '0283': '柳河县',
    '0290': NAT, '0292': NAT, '0293': NAT, '0320': NAT, '0331': NAT, '0337': NAT, '0340': NAT, '0342': NAT, '0343': NAT,
    '0365': '上海市', '0366': '上海市', '0368': '上海市',
    # with issuers, decided by hand
    '0192': '西安市', '0211': '山东省', '0214': '山东省', '0180': '山东省', '0184': '山东省', '0207': '山东省',
    '0222': '山东省', '0230': '陕西省', '0231': '陕西省', '0219': '陕西省',
    '0182': NAT, '0240': NAT, '0241': NAT, '0245': NAT, '0246': NAT, '0247': NAT,  # 国家能源局's dispatched offices
    '0437': '台湾省', '0438': '台湾省', '0439': '台湾省', '0440': '台湾省', '0441': '台湾省', '0442': '台湾省',
}

def from_issuer(iss):
    if iss.startswith(('中共中央', '中国共产党中央')):
        return NAT
    s = re.sub(r'^(中国共产党|中共|共青团)', '', iss)
    if s.startswith(NAT_START) or NAT_MIN.match(s) or s in ('交通部', '林业部', '人事部'):
        return NAT
    s = s.replace('中华人民共和国', '')
    found = None
    # longest full division name at the start, then below it
    for n in sorted(names, key=len, reverse=True):
        if len(n) >= 2 and s.startswith(n) and len(names[n]) == 1:
            found = n; rest = s[len(n):]
            for m in sorted(names, key=len, reverse=True):
                if rest.startswith(m) and len(names[m]) == 1 and names[m][0][:2] == names[n][0][:2]:
                    found = m; break
            break
    return found

def value(fn, doc):
    key = fn[:4]
    if key in MANUAL:
        return MANUAL[key]
    vals = [from_issuer(i) for i in (doc.get('issuers') or [])]
    if not vals:
        raise SystemExit(f'no decision for {fn}')
    if vals[0] is None:
        raise SystemExit(f'issuer not mapped in {fn}: {doc["issuers"]} -> {vals}')
    if len(set(vals)) > 1:
        print('# mixed', fn, doc['issuers'], vals, file=sys.stderr)
    return vals[0]

def main(write):
    for f in sorted(glob.glob(ROOT + '/tests/devcorpus/golden/*.json')):
        raw = open(f, encoding='utf-8').read()
        d = json.loads(raw)
        if d['file'].startswith('A0'):
            continue
        assert json.dumps(d, ensure_ascii=False, indent=1) + '\n' == raw, f
        for doc in d['documents']:
            v = value(d['file'], doc)
            new = {}
            for k, x in doc.items():
                if k == 'jurisdiction':
                    continue
                new[k] = x
                if k == 'top_headings':
                    new['jurisdiction'] = v
            assert 'jurisdiction' in new, f
            doc.clear(); doc.update(new)
            print(d['file'][:50], d['split'], v, '|', '|'.join(doc.get('issuers') or [])[:40], '|', (doc.get('title') or '')[:30], sep='\t')
        if write:
            open(f, 'w', encoding='utf-8').write(json.dumps(d, ensure_ascii=False, indent=1) + '\n')

main('--write' in sys.argv)
