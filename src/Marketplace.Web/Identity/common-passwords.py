"""Writes src/Marketplace.Web/Identity/common-passwords.txt: 10,000 common passwords, lower-case, one a line.

No list could be downloaded where this was written, so it is generated deterministically from widely reported common
passwords and the patterns they follow (word + digits, keyboard walks, years, Indonesian words). Regenerate with
`python3 src/Marketplace.Web/Identity/common-passwords.py`; replace it with a published list when one is at hand.
"""
import itertools, pathlib

known = """123456 password 123456789 12345678 12345 qwerty 1234567 111111 1234567890 123123 abc123 1234 password1 iloveyou
1q2w3e4r 000000 qwerty123 zaq12wsx dragon sunshine princess letmein 654321 monkey 27653 1qaz2wsx 123321 qwertyuiop superman
asdfghjkl password12 qwerty1234 password123 passw0rd p@ssw0rd welcome admin admin123 football baseball master shadow michael
jennifer trustno1 hello123 freedom whatever qazwsx 1q2w3e4r5t 1qaz2wsx3edc zxcvbnm asdfgh 987654321 0987654321 bismillah
sayang indonesia jakarta rahasia katasandi cintaku sayangku doraemon garuda merdeka bandung surabaya anjing kucing""".split()
words = """password qwerty iloveyou sayang sayangku cinta cintaku indonesia jakarta bandung surabaya medan bismillah rahasia
katasandi admin welcome dragon monkey sunshine princess football baseball master shadow superman batman letmein
freedom whatever hello charlie michael jennifer jessica daniel ashley thomas robert jordan hunter ranger buster
soccer hockey killer george andrew summer flower lovely angel pokemon naruto doraemon garuda merdeka persib persija
arema juventus barcelona liverpool chelsea arsenal manchester realmadrid samsung nokia iphone android google facebook
instagram youtube computer internet secret mustang access starwars matrix cookie banana orange apple chocolate
purple blessed family forever friend mother father sister brother baby pasar toko umkm belanja""".split()
suffixes = ["1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "1234567890", "!", "1!", "01", "07",
            "11", "13", "21", "22", "23", "69", "77", "88", "99", "00", "007", "2000", "111", "777", "999", "0000"]
suffixes += [str(y) for y in range(1960, 2031)]
keyboard = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "qazwsxedc", "zaq1xsw2", "qwerasdf",
            "1234qwer", "qwer1234", "asdf1234", "1234asdf", "abcd1234", "abc12345", "a1b2c3d4", "aaaaaa", "abcdef"]

seen, out = set(), []
def add(p):
    p = p.lower()
    if p not in seen:
        seen.add(p)
        out.append(p)

for p in known + keyboard:
    add(p)
for d in range(10):
    for n in range(6, 13):
        add(str(d) * n)
for n in range(6, 11):
    add("".join(str(i % 10) for i in range(1, n + 1)))
    add("".join(str(i % 10) for i in range(0, n)))
for suffix, word in itertools.product(suffixes, words):
    add(word + suffix)
for suffix, word in itertools.product(suffixes, keyboard):
    add(word + suffix)
for word, number in itertools.product(words, range(0, 1000)):
    if len(out) >= 10000:
        break
    add(f"{word}{number:03d}")
assert len(out) >= 10000 and "password12" in seen and "qwerty1234" in seen
path = pathlib.Path(__file__).resolve().parent / "common-passwords.txt"
path.write_text("\n".join(out[:10000]) + "\n")
