import base64, random
random.seed(20081126)
BASE = "dc=babillard,dc=example"
def val(attr, v):
    try:
        v.encode("ascii")
        if v.startswith((" ", ":", "<")) or v.endswith(" "):
            raise UnicodeError
        return f"{attr}: {v}"
    except UnicodeError:
        return f"{attr}:: {base64.b64encode(v.encode('utf-8')).decode()}"

fr_first = ["Camille","Hélène","François","Léa","Théo","Chloé","Mathéo","Inès","Noémie","Jérôme","Élodie","Benoît","Céline","Gaël","Maëlle","Loïc","Agnès","Rémi","Zoé","Aurélien","Sébastien","Clémence","Anaïs","Étienne","Mélanie","Grégoire","Bérénice","Joël","Irène","Cédric","Océane","Raphaël","Margaux","Hugo","Manon","Lucas","Juliette","Nathan","Sarah","Julien"]
fr_last = ["Durand","Lefèvre","Moreau","Girard","Bérard","Rousseau","Fontaine","Chevalier","Lambert","Bonnet","Faure","Mercier","Dupré","Lemaître","Barbier","Brunet","Gauthier","Perrin","Roussel","Lacroix","Bouvier","Fournier","Garnier","Châtelain","Côté","Gagné","Tremblay","Pelletier","Lévesque","Bélanger"]
en_first = ["Oliver","Emily","James","Charlotte","Harry","Amelia","George","Olivia","Jack","Isla","Thomas","Grace","William","Sophie","Daniel","Chloe","Matthew","Ella","Samuel","Lucy","Aoife","Siobhán","Zoë","Renée"]
en_last = ["Smith","O'Brien","Jones","Taylor","Brown","Williams","Wilson","Evans","Thomas","Roberts","Walker","Wright","Robinson","Thompson","Hughes","Edwards","Green","Hall","Wood","Clarke","Brontë","MacLeod"]

depts = [  # code, fr name, en name, teams
  ("DIR", "Direction générale", "Executive office", []),
  ("RH", "Ressources humaines", "Human resources", ["rh-recrutement"]),
  ("ING", "Ingénierie", "Engineering", ["ing-plateforme","ing-mobile","ing-donnees"]),
  ("VEN", "Ventes", "Sales", ["ventes-europe","ventes-amerique"]),
  ("MKT", "Marketing et communication", "Marketing and communications", ["mkt-contenu"]),
  ("FIN", "Finance", "Finance", ["fin-comptabilite"]),
  ("SUP", "Support client", "Customer support", ["support-n1","support-n2"]),
  ("LOG", "Logistique", "Logistics", ["log-entrepot"]),
]
sites = ["Paris","Lyon","Montréal","London"]
titles = {"DIR":["Directrice générale","Chief of staff","Assistant de direction"],
 "RH":["Responsable RH","Chargée de recrutement","HR business partner","Gestionnaire de paie"],
 "ING":["Développeuse","Software engineer","Ingénieur DevOps","Architecte logiciel","Data engineer","QA engineer"],
 "VEN":["Commercial","Account executive","Responsable grands comptes"],
 "MKT":["Chargée de communication","Content designer","Responsable marketing"],
 "FIN":["Contrôleur de gestion","Comptable","Financial analyst"],
 "SUP":["Conseiller support","Support engineer","Responsable support"],
 "LOG":["Magasinier","Responsable logistique","Supply chain analyst"]}
team_names = {"rh-recrutement":("Recrutement","Recruiting"),"ing-plateforme":("Plateforme","Platform"),"ing-mobile":("Mobile","Mobile"),"ing-donnees":("Données","Data"),"ventes-europe":("Ventes Europe","Sales Europe"),"ventes-amerique":("Ventes Amérique","Sales Americas"),"mkt-contenu":("Contenu","Content"),"fin-comptabilite":("Comptabilité","Accounting"),"support-n1":("Support niveau 1","Support tier 1"),"support-n2":("Support niveau 2","Support tier 2"),"log-entrepot":("Entrepôt","Warehouse")}

import unicodedata
def ascii_uid(first,last):
    s = f"{first}.{last}".lower().replace("'","")
    s = unicodedata.normalize("NFKD", s).encode("ascii","ignore").decode()
    return s.replace(" ","")

people = []
used = set()
fixed = [("Camille","Durand","ING","ing-plateforme","Paris","fr","Développeuse"),
         ("Hélène","Lefèvre","RH","rh-recrutement","Paris","fr","Responsable RH"),
         ("Oliver","Smith","ING","ing-plateforme","London","en","Software engineer"),
         ("Émilie","Côté","DIR",None,"Montréal","fr","Directrice générale"),
         ("Nadia","Benali","ING","ing-mobile","Lyon","fr","Administratrice système")]
for f,l,d,t,s,lang,title in fixed:
    uid = ascii_uid(f,l); used.add(uid); people.append(dict(first=f,last=l,dept=d,team=t,site=s,lang=lang,title=title,uid=uid))
counts = {"DIR":3,"RH":10,"ING":48,"VEN":22,"MKT":14,"FIN":12,"SUP":24,"LOG":12}
for code,_,_,teams in depts:
    have = sum(1 for p in people if p["dept"]==code)
    while have < counts[code]:
        en = random.random() < 0.3
        f = random.choice(en_first if en else fr_first); l = random.choice(en_last if en else fr_last)
        uid = ascii_uid(f,l)
        if uid in used: continue
        used.add(uid)
        site = random.choice(["London","Montréal"] if en else ["Paris","Lyon","Paris","Montréal"])
        people.append(dict(first=f,last=l,dept=code,team=random.choice(teams) if teams else None,site=site,lang="en" if en else "fr",title=random.choice(titles[code]),uid=uid))
        have += 1
# managers: department head = first person of the department
heads = {}
for p in people:
    heads.setdefault(p["dept"], p)
ceo = [p for p in people if p["uid"]=="emilie.cote"][0]
out = []
def entry(lines):
    out.append("\n".join(lines)); 
entry([f"dn: {BASE}","objectClass: top","objectClass: domain","dc: babillard"])
for ou,desc in [("people","Employees"),("groups","Groups"),("services","Service accounts")]:
    entry([f"dn: ou={ou},{BASE}","objectClass: top","objectClass: organizationalUnit",f"ou: {ou}",f"description: {desc}"])
entry([f"dn: cn=babillard,ou=services,{BASE}","objectClass: top","objectClass: organizationalRole","objectClass: simpleSecurityObject","cn: babillard","description: Babillard service account (read-only searches)","userPassword: babillard-service"])
n = 1000
for p in people:
    n += 1
    dn = f"uid={p['uid']},ou=people,{BASE}"
    p["dn"] = dn
    dept = [d for d in depts if d[0]==p["dept"]][0]
    lines = [val("dn", dn),"objectClass: top","objectClass: person","objectClass: organizationalPerson","objectClass: inetOrgPerson",
             f"uid: {p['uid']}", val("cn", f"{p['first']} {p['last']}"), val("sn", p["last"]), val("givenName", p["first"]),
             val("displayName", f"{p['first']} {p['last']}"), f"mail: {p['uid']}@babillard.example",
             val("title", p["title"]), val("departmentNumber", dept[1]), val("ou", dept[1]), val("l", p["site"]),
             f"employeeNumber: E{n}", f"preferredLanguage: {p['lang']}", "userPassword: demo",
             "telephoneNumber: " + {"Paris": "+33 1 70 00 ", "Lyon": "+33 4 72 00 ", "Montréal": "+1 514 555 ", "London": "+44 20 7946 "}[p["site"]] + f"{n % 10000:04d}"]
    head = heads[p["dept"]]
    mgr = ceo if head is p else head
    if mgr is not p:
        lines.append(val("manager", f"uid={mgr['uid']},ou=people,{BASE}"))
    entry(lines)
def group(cn, desc, members):
    lines = [f"dn: cn={cn},ou=groups,{BASE}","objectClass: top","objectClass: groupOfNames",f"cn: {cn}", val("description", desc)]
    for m in members: lines.append(val("member", m["dn"]))
    entry(lines)
group("hr", "Ressources humaines / Human resources: Babillard role hr", [p for p in people if p["dept"]=="RH"])
group("babillard-admins", "Administrateurs de Babillard / Babillard administrators", [p for p in people if p["uid"] in ("nadia.benali","emilie.cote")])
for code, fr, en, teams in depts:
    group(f"dept-{code.lower()}", f"{fr} / {en}", [p for p in people if p["dept"]==code])
    for t in teams:
        mem = [p for p in people if p["team"]==t]
        if mem: group(f"team-{t}", f"Équipe {team_names[t][0]} / {team_names[t][1]} team", mem)
hdr = """# Babillard's demo company, "Exemple & Cie": %d employees in %d departments on four sites.
# Served by the embedded directory (org.babillard.directory.demo.DemoDirectory) for the start command and
# the tests, and loaded into OpenLDAP by .ci/slapd in CI. Every demo employee's password is "demo".
# Demo logins: camille.durand (employee), helene.lefevre (HR), nadia.benali (administrator).
# Values that are not plain ASCII are base64-encoded, as RFC 2849 asks.
""" % (len(people), len(depts))
open("src/main/resources/org/babillard/directory/demo-company.ldif","w", encoding="utf-8").write(hdr + "\n" + "\n\n".join(out) + "\n")
print(len(people))
