# ro-es's tagger often reads "o", Romanian's feminine indefinite article, as the adverb "o" (an
# interjection), which the transfer writes as Spanish "o" ("or"): "Am o problemă" came out as
# "Tengo o problema", in English "Have or problem". These rules, run on the tagger's choices just
# before the transfer, read "o" as the article when a feminine singular noun or adjective follows
# ("Tengo un problema", "Una mujer"); the transfer then takes the Spanish gender from the noun.
# Each pattern spans two units and no part of it matches across a `$`, and a customer's own `^`,
# `<` and `$` reach this stage escaped: linear in the text.
s/\^o<adv>\$ (\^[^<$^]+<(n|adj)><f><sg>)/^un<det><ind><f><sg><nom>$ \1/g
s/\^O<adv>\$ (\^[^<$^]+<(n|adj)><f><sg>)/^Un<det><ind><f><sg><nom>$ \1/g
# "sa", the possessive, is also how Romanian written without diacritics spells "să" (the
# subjunctive's "that"): right after a verb it is "să" ("Vreau sa plec", "Puteti sa ma ajutati"),
# which the possessive never follows ("casa sa", "pentru sa" do not put a verb first).
s/(<(vblex|vbmod|vbser|vbhaver|vbavea)>[^$^]*\$ )\^său<adj><pos><f><sg><nom><ind>\$/\1^să<cnjsub>$/g
