# Romanian puts the possessive after a definite noun ("comanda mea", "țara sa"); ro-es's transfer
# writes it so in Spanish ("el paquete mío", and at a sentence's start without the article,
# "Pedido mío no llegó"), which Spanish→English reads as "the package mine", "asked mine". These
# rules, run on the transfer's Spanish lexical units just before the generator, write the Spanish
# possessive determiner before the noun instead ("mi pedido", "su país"). mío, tuyo and suyo take
# <mf> (mi, tu, su); nuestro and vuestro the noun's gender. The article goes; a noun without one
# is rewritten unless another determiner precedes it ("un paquete mío" stays). A capitalised
# common noun (<n>, not a name) followed by a possessive opens its sentence, so its capital moves
# to the determiner.
# No pattern matches across a `$` but the two or three it names, and a customer's own `^`, `<` and
# `$` reach this stage escaped, so every attempt ends within three units: linear in the text.
s/\^el<det><def><[mf]+><(sg|pl)>\$ \^([^<$^]+)<n><([mf]+)><(sg|pl)>\$ \^(mío|tuyo|suyo)<adj><pos><[mf]+><(sg|pl)>\$/^\5<det><pos><mf><\4>$ ^\2<n><\3><\4>$/g
s/\^El<det><def><[mf]+><(sg|pl)>\$ \^([^<$^]+)<n><([mf]+)><(sg|pl)>\$ \^(mío|tuyo|suyo)<adj><pos><[mf]+><(sg|pl)>\$/^\u\5<det><pos><mf><\4>$ ^\2<n><\3><\4>$/g
s/\^([[:upper:]])([^<$^]*)<n><([mf]+)><(sg|pl)>\$ \^(mío|tuyo|suyo)<adj><pos><[mf]+><(sg|pl)>\$/^\u\5<det><pos><mf><\4>$ ^\l\1\2<n><\3><\4>$/g
s/\^el<det><def><[mf]+><(sg|pl)>\$ \^([^<$^]+)<n><(m|f)><(sg|pl)>\$ \^(nuestro|vuestro)<adj><pos><[mf]+><(sg|pl)>\$/^\5<det><pos><\3><\4>$ ^\2<n><\3><\4>$/g
s/\^El<det><def><[mf]+><(sg|pl)>\$ \^([^<$^]+)<n><(m|f)><(sg|pl)>\$ \^(nuestro|vuestro)<adj><pos><[mf]+><(sg|pl)>\$/^\u\5<det><pos><\3><\4>$ ^\2<n><\3><\4>$/g
s/\^([[:upper:]])([^<$^]*)<n><(m|f)><(sg|pl)>\$ \^(nuestro|vuestro)<adj><pos><[mf]+><(sg|pl)>\$/^\u\5<det><pos><\3><\4>$ ^\l\1\2<n><\3><\4>$/g
s/(\^[^<$^]+<([^d<>][^<>]*)>[^$^]*\$ )\^([[:lower:]][^<$^]*)<n><([mf]+)><(sg|pl)>\$ \^(mío|tuyo|suyo)<adj><pos><[mf]+><(sg|pl)>\$/\1^\6<det><pos><mf><\5>$ ^\3<n><\4><\5>$/g
s/(\^[^<$^]+<([^d<>][^<>]*)>[^$^]*\$ )\^([[:lower:]][^<$^]*)<n><(m|f)><(sg|pl)>\$ \^(nuestro|vuestro)<adj><pos><[mf]+><(sg|pl)>\$/\1^\6<det><pos><\4><\5>$ ^\3<n><\4><\5>$/g
# Before a participle the transfer writes "ser" as a lexical verb, a form the Spanish generator
# lacks ("Coletul este deteriorat" → "El paquete #ser deteriorado", in English "The package be
# deteriorated"); the generator knows it as vbser.
s/\^([Ss])er<vblex>/^\1er<vbser>/g
