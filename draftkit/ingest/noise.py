"""Page noise around a letter: site chrome, navigation, share buttons, footers.

:func:`noise_reason` judges one line on its own; :func:`mark_navigation` finds menu
runs at the top of a page; :func:`is_footer_start` marks where page furniture begins
after a letter's signature, so everything from there on can be cut. Before the reading,
``_context_free_noise`` marks every line that is furniture by itself (and a running page
header after a page number), ``_mark_preamble_noise`` the delivery and routing lines and
forwarded e-mail headers above the letter.
"""

from __future__ import annotations

import functools
import itertools
import re

from draftkit.ingest import names
from draftkit.ingest.dates import find_date, parse_date_line
from draftkit.ingest.head_lines import MAIL_HEADER
from draftkit.ingest.page import _words, is_prose, label_like
from draftkit.ingest.text import Line
from draftkit.sentences import split_marker

__all__ = [
    "DELIVERY_LINE",
    "foreign_script_share",
    "is_footer_start",
    "mark_navigation",
    "noise_reason",
]

_I = re.IGNORECASE

_LANGUAGE = (
    r"(?:english|french|spanish|portuguese|german|arabic|chinese|russian|italian|turkish|"
    r"indonesian|bahasa indonesia|swahili|hindi|urdu|bengali|persian|farsi|burmese|thai|"
    r"vietnamese|korean|japanese|ukrainian|polish|dutch|hebrew|amharic|norwegian|swedish|"
    r"danish|finnish|greek|romanian|hungarian|czech|serbian|croatian|bosnian|albanian|"
    r"georgian|armenian|azerbaijani|kazakh|uzbek|kyrgyz|tajik|mongolian|nepali|tamil|"
    r"sinhala|malay|tagalog|filipino|khmer|lao|somali|hausa|yoruba|igbo|zulu|kinyarwanda|"
    r"tigrinya|kurdish|pashto|dari|"
    r"anglais|français|francais|espagnol|portugais|allemand|arabe|"
    r"inglés|ingles|francés|frances|español|espanol|portugués|alemán|árabe|"
    r"inglês|francês|espanhol|português|alemão|"
    r"englisch|französisch|spanisch|portugiesisch|deutsch|deutsche|"
    r"türkçe|русском|русский|العربية|中文|italiano)"
)
"""A language's name in the common languages of the pages letters are published on."""
_CHROME = re.compile(
    r"^(?:skip to (?:the )?(?:main )?(?:content|navigation|main)|skip navigation|"
    r"jump to (?:main )?content|aller au contenu(?: principal)?|passer au contenu|"
    r"zum inhalt(?: springen)?|ir al contenido(?: principal)?|saltar al contenido|"
    r"main menu|menu|toggle navigation|open menu|close menu|search|search this site|"
    r"buscar|rechercher|suche|home(?:\s?page)?|accueil|inicio|startseite|"
    # the Jekyll minima theme's defaults a site kept: its title, e-mail and social handles
    r"your awesome title|your-email@example\.com|jekyll|jekyllrb|"
    r"write an awesome description for your new site here\..*|"
    r"share(?: this)?(?: page| article| post| story| letter)?:?|"
    # "Share on Bluesky", "Share via e-mail": a network after "share", never any word
    # ("Share Foundation" is a signer)
    r"share(?: this)?(?: via| on| to| by)? (?:[\w.]+\.(?:com|org|net)|facebook|twitter|x|"
    r"linkedin|whatsapp|e-?mail|mail|reddit|telegram|bluesky|mastodon|threads|messenger)|"
    r"other ways to share|partager|"
    r"compartir|compartilhar|partilhar|teilen|condividi|tweet|facebook|twitter|x|linkedin|"
    r"whatsapp|email|e-mail|"
    r"mail|print|imprimer|imprimir|drucken|print this page|print this|copy link|"
    r"copy url|reddit|telegram|bluesky|instagram|youtube|threads|mastodon|"
    r"donate(?: now| today)?|faire un don|donar|spenden|give now|give today|"
    r"support (?:us|our work)|subscribe|newsletter|sign up|follow us.*|"
    r"related(?: posts| articles| content| stories| news| reading| resources)?:?|"
    r"(?:posts?|art[ií]culos|entradas|noticias|notas)\s+relacionad[oa]s:?|"
    r"most (?:viewed|read|popular|shared)|trending|popular|recommended(?: for you)?|"
    r"you may also like.*|you might also like.*|read more|read next|more on this here.*|"
    r"back to (?:the )?top|top of (?:the )?page|retour en haut|"
    # a submission's last line: "End of Document.", "*** End of document ***"
    r"\**\s*end of (?:the )?(?:document|submission|letter|file)\.?\s*\**|"
    r"region\s*/\s*country|tags?\s*:.*|topics?:.*|filed under:?.*|categor(?:y|ies):.*|"
    # a blog's post footer: "Labels: air pollution, …", "Posted by Zainab at 18:05 3 comments",
    # its pager "Newer Post Older Post Home"
    r"labels?\s*:.*|posted by .{1,40}? at \d{1,2}:\d{2}.*|"
    r"(?:newer posts?|older posts?|home)(?:\s+(?:newer posts?|older posts?|home)){1,2}|"
    # a post's tags and its comment count in other languages: "Etiquetas: agua, …",
    # "Mots-clés : …", "Schlagwörter: …", "Responses (14)", "Commentaires (3)"
    r"(?:etiquetas|étiquettes|mots-cl[ée]s|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|schlagworte|"
    r"stichworte|temas|"
    r"th[èe]mes|palabras clave|palavras-chave)\s*:.*|"
    r"(?:responses?|comments?|replies|commentaires|comentarios|coment[áa]rios|kommentare|"
    r"r[ée]ponses|respuestas|respostas)\s*\(\d+\)|"
    # a blog theme's line under a post: "Posted in Representations Tagged DPDP, MeitY"
    r"(?:posted|filed|published) (?:in|under) .{1,80}? tagged\b.*|tagged:? .*|"
    r"keywords?:.*|breadcrumb.*|you are here:?.*|"
    r"about(?: us)?|contact(?: us)?|qui sommes-nous|nos actions|quiénes somos|"
    r"our work|get involved|take action|publications|news|press|media|blog|events|"
    r"press room|newsroom|resources|careers|jobs|log ?in|sign in|register|"
    # a CMS's hit counter and login box: "Hits: 412", "Affichages : 987", "Lost password?"
    r"(?:hits|views|affichages|visites|visitas|lecturas|aufrufe|zugriffe|acessos)\s*:\s*\d[\d,.\s]*|"
    r"(?:forgot|lost) (?:your )?(?:password|username)\??|mot de passe (?:perdu|oubli[ée])\s*\??|"
    r"identifiant (?:perdu|oubli[ée])\s*\??|¿?olvid[óo] (?:su|tu) contraseña\??|"
    r"remember me|se souvenir de moi|recordarme|connexion|se connecter|d[ée]connexion|"
    r"iniciar sesi[oó]n|anmelden|abmelden|create an account|cr[ée]er un compte|"
    r"download\b.{0,50}|"
    # a download link: a file's name and its size ("IACHR-hearing-request.pdf (214.6 KB)")
    r"[\w .,()'-]{1,120}\.(?:pdf|docx?|odt|rtf|xlsx?|pptx?|zip)\s*\(\d[\d.,]*\s*[kmg]i?b\)|"
    r"télécharger.*|descargar.*|pdf|"
    # a post's comment section: "3 Comments", "Comments are closed.", "Leave a comment"
    r"(?:\d+|one|no)\s+(?:comments?|responses?|replies|thoughts on .{1,80})|comments?|"
    r"comments are (?:closed|disabled)\.?|(?:leave|post|add|write) a (?:comment|reply)|"
    r"no comments(?: yet)?\.?|be the first to comment\.?|"
    r"(?:\d+\s+)?(?:commentaires?|comentarios?|kommentare?)|"
    r"(?:laisser|écrire) un commentaire|dejar un comentario|deixe um coment[áa]rio|"
    # "Compartir esta entrada", "Share this post", "Partager cet article": a share row's title
    r"(?:share|compartir|compartilhar|compartilhe|partilhar|partager|teilen|condividi)\s+"
    r"(?:this|esta|este|cet|cette|ce|diesen|diese|dieses|questo|questa)\s+(?:post|entry|"
    r"article|page|story|entrada|art[íi]culo|publicaci[óo]n|nota|not[íi]cia|artigo|"
    r"publica[çc][ãa]o|billet|beitrag|artikel|seite)|"
    # a link to the page in another language: "Read in French", "Lire en français",
    # "Leer en español", "Baca dalam Bahasa Indonesia", "Deutsche Version"
    rf"(?:read|view|see)(?: (?:this|the) (?:letter|statement|page|article|text))?(?: also)? in "
    rf"{_LANGUAGE}|(?:lire|voir)(?: (?:la lettre|cette page|le texte|l'article))? en {_LANGUAGE}|"
    rf"(?:leer|ver)(?: (?:la carta|esta página|el texto))? en {_LANGUAGE}|"
    rf"(?:ler|ver)(?: (?:a carta|esta página|o texto))? em {_LANGUAGE}|"
    rf"(?:auf )?{_LANGUAGE} lesen|baca dalam (?:bahasa )?[\w ]{{3,20}}|"
    rf"{_LANGUAGE} (?:version|versión|versão|fassung)|(?:version|versión|versão) (?:en |em )?"
    rf"{_LANGUAGE}|(?:also )?available in:? {_LANGUAGE}(?:(?:,| and| or) {_LANGUAGE})*|"
    r"(?:[A-Z]{2}|English|Français|Español|Deutsch|العربية|中文|Русский)"
    r"(?:\s*[|/·]\s*(?:[A-Z]{2}|English|Français|Español|Deutsch|العربية|中文|Русский))+|"
    r"listen(?: to this article)?|audio|video|photo:.*|image:.*|credit:.*|"
    # a share row's "copy the link" button: "Copiar link", "Copier le lien", "Link kopieren"
    r"copy (?:the )?link|cop(?:iar|ia) (?:o |el )?(?:link|enlace)|copier le lien|link kopieren|"
    # a phone scanner's mark at a scanned page's foot
    r"scanned (?:by|with) camscanner|"
    r"advertisement|sponsored|ad|close|cancel|ok|accept|accept all|reject all)$",
    _I,
)
_CHROME_ANYWHERE = re.compile(
    r"(?:^(?:share|teilen|teile|partager|partagez|compartir|comparte|condividi|compartilhar|"
    r"compartilhe|partilhe|partilhar)(?: (?:on|en|sur|auf|this|em|no|na|nas))?"
    r"\s*:.*|"
    # "Diesen Beitrag teilen: E-Mail · LinkedIn", "Compartir esta entrada: Facebook · X"
    r"^(?:diese[nsr]?\s+(?:beitrag|artikel|seite)\s+teilen|(?:share|compartir|compartilhar|"
    r"partager|condividi)\s+(?:this|esta|este|cet|cette|ce|questo|questa)\s+\w+)\s*:.*|"
    r"^(?:artículos relacionados|art[íi]culos similares|verwandte artikel|"
    r"ähnliche (?:beiträge|artikel)|articles? (?:liés|similaires)|à lire aussi|lire aussi|"
    r"leer más|weiterlesen|dona ahora|haz un donativo|jetzt spenden|spenden|"
    r"相关(?:文章|新闻)|分享到)\b.*|"
    r"^-{2,}\s*(?:original message|forwarded message|mensaje original|message d'origine|"
    r"ursprüngliche nachricht)\s*-{2,}$|^begin forwarded message:?$|"
    r"^confidentiality notice\b|^(?:this|the information in this) e-?mail\b|"
    r"^(?:disclaimer|avertissement)\s*:|^sent from my \w+|"
    r"^(?:contact|media contact|press contact|for more information|contact for this letter)"
    r"\b[^.]{0,80}(?:@|\+?\d[\d ()-]{6,})|"
    r"^©|^\(c\)\s*\d{4}|^copyright\b|"
    # a letterhead's registration line: "Registered with the Corporate Affairs Commission ·
    # CAC/IT/0123", "Registered charity no. 1234567", "Company number 0123"
    r"^(?:registered (?:with|in|as|under|office|charity|company|association|society)|"
    r"(?:company|charity|registration|reg\.?|vat) (?:no\.?|number|registration)|"
    r"vereinsregister|amtsgericht|siret|rcs)\b|"
    r"^(?:privacy(?: policy| notice| statement)?|terms (?:of (?:use|service)|and conditions)|"
    r"cookie (?:policy|settings|preferences)|mentions légales|politique de confidentialité|"
    r"aviso legal|impressum|política de privacidad)\s*[.:|]?$|"
    r"^(?:we|this site) uses? cookies|^nous utilisons des cookies|^utilizamos cookies|"
    r"^(?:your (?:gift|donation)|make a donation|(?:please )?(?:donate|give) (?:now|today)|"
    r"support our work|abonnez-vous|suscríbete|subscribe(?: to (?:our|the) \w+)?|"
    r"sign up(?: (?:for|to) (?:our|the) (?:newsletter|updates|mailing list))?)\s*[.!:»›]?$|"
    r"^public release\.|^(?:上一篇|下一篇|版权所有|网站地图)|"
    r"^(?:previous|next) (?:post|article|story)\s*:|"
    r"^page \d+(?: of \d+)?$|^-\s*\d+\s*-$|^\d+\s*/\s*\d+$|^\[?\d+\]?$)",
    _I,
)
_CALL_TO_SIGN = re.compile(
    r"^[→>»]?\s*(?:click (?:here )?to |please )?"
    r"(?:sign|co-?sign|add your (?:name|signature)(?: to)?)"
    r"(?: (?:the|this|our) (?:open |joint )?(?:letter|petition))?(?: (?:now|here|today))?"
    r"(?: (?:via|on|at|with) [\w .]{2,30})?\s*[.!:»›→]?$",
    _I,
)
"""A button or link asking the reader to sign ("→ Sign the letter via GitHub.")."""
_CALL_TO_ACTION = re.compile(
    r"^(?:to take action|take action(?: now| today)?|act now|get involved)\b[\s,:!.-]*"
    r".{0,160}\b(?:sign|petition|write|call|e-?mail|donate|contact)",
    _I,
)
"""A line asking the reader to act ("To take action, please sign our petition …")."""
_DONATE = re.compile(
    r"^(?:your (?:donation|gift|contribution|support)s?\b.{0,160}\b(?:give|donate|support)\b.*|"
    r"(?:donate|give)(?: now| today)?[.!]?)$",
    _I,
)
"""A site's appeal for money under a letter ("Your donation supports our work. Give today")."""
_SITE_NOTICE = re.compile(
    r"^(?:this|the) (?:site|website|web site|blog|page) is (?:run|maintained|operated|managed|"
    r"hosted|edited|not)\b.{0,200}$",
    _I,
)
"""A site's notice about itself ("This site is run by volunteers and is not an official …")."""
_SHARE_LABEL = re.compile(
    r"^(?:share|comparte|compartir|compartilhe|compartilhar|partilhar|partager|teilen|condividi)"
    r"(?:\s+(?:on|en|sur|em|auf))?\s*:?$",
    _I,
)
"""A share row's label alone on its line ("Comparte" over "• Facebook" / "• X")."""
_NETWORKS = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|e-?mail|telegram|reddit|bluesky|mastodon|"
    r"threads|instagram|print|copy link|messenger|signal|pinterest|tumblr)"
)
_NETWORK_ALONE = re.compile(
    r"^[•·▪◦*-]?\s*(?:facebook|twitter|x \(twitter\)|instagram|linkedin|youtube|tiktok|"
    r"bluesky|mastodon|threads|whatsapp|telegram)$",
    re.IGNORECASE,
)
"""A social network's name alone on a line: a link in the page's footer or share row."""
_SHARE_ROW = re.compile(
    rf"^(?:share|teilen|partager|compartir|condividi)(?:\s+(?:on|via|this|sur|en|auf))*"
    rf"[\s:]+{_NETWORKS}(?:[\s,|·•/]+{_NETWORKS})*$",
    _I,
)
"""A row of share buttons: "Share Facebook X WhatsApp"."""
_SHARE_WORD = (
    r"facebook|twitter|linkedin|whatsapp|e-?mail|reddit|pinterest|bluesky|telegram|tumblr|"
    r"print|share|tweet|\d*\s*likes?"
)
_RUN_TOGETHER_SHARE = re.compile(rf"^(?:(?:{_SHARE_WORD})\s*){{2,}}$", re.IGNORECASE)
"""Share buttons copied with the spaces between them lost: "FacebookTwitterLinkedIn0 LikesShare"
(two words or more, so that a signer called "Share" stays one)."""

_BUTTON_WORDS = frozenset(
    re.findall(
        r"\S+",
        "facebook twitter x linkedin whatsapp email e-mail mail telegram reddit bluesky "
        "mastodon threads instagram messenger signal pinterest tumblr print download pdf copy "
        "link url share compartilhar partilhar compartir partager teilen condividi drucken "
        "imprimir imprimer herunterladen descargar télécharger baixar this cet cette article "
        "artículo artigo artikel post page letter story on via sur en auf em no na por par "
        "and or e y et und",
    )
)
"""Words a row of a page's buttons is made of (networks, actions, "this article")."""
_NETWORK_WORDS = frozenset(
    re.findall(
        r"\S+",
        "facebook twitter x linkedin whatsapp telegram reddit bluesky mastodon threads "
        "instagram messenger pinterest tumblr",
    )
)
_BUTTON_VERBS = frozenset(
    re.findall(
        r"\S+",
        "share compartilhar partilhar compartir partager teilen condividi print download "
        "drucken imprimir imprimer herunterladen descargar télécharger baixar",
    )
)


_WORD = re.compile(r"[\w-]+")
_MENU_SEPARATOR = re.compile(r"(?<!\s)\s+[|•·»›]\s+")


def _share_buttons(lowered: str) -> bool:
    """A row of a page's buttons in any language: "Compartilhar WhatsApp Facebook
    LinkedIn", "Partager cet article : Facebook Twitter …", "Print Download PDF Share"
    (every word a button's or a network's, and two networks, a network and an action,
    or two actions in three words or more: "Signal" or "Email and Print" alone is not)."""
    words = _WORD.findall(lowered)
    if not 2 <= len(words) <= 12 or not all(word in _BUTTON_WORDS for word in words):
        return False
    networks = sum(1 for word in words if word in _NETWORK_WORDS)
    verbs = sum(1 for word in words if word in _BUTTON_VERBS)
    return networks >= 2 or (networks >= 1 and verbs >= 1) or (verbs >= 2 and len(words) >= 3)


# Unanchored footer phrases, tried only when a cheap keyword test passes.
_CHROME_CONTAINS = re.compile(
    r"all rights reserved|tous droits réservés|todos los derechos reservados|"
    r"todos os direitos reservados|tutti i diritti riservati|"
    r"alle rechte vorbehalten|tax[- ]deductible|\bcookies?\b.*\b(?:accept|settings|policy|"
    r"preferences|paramètres|aceptar|configuración|consent)",
    _I,
)
_CONTAINS_KEYS = ("reserv", "vorbehalten", "deductible", "cookie")
# Lines that begin the page furniture after a letter: everything from here is cut. Each
# phrase must be the whole line (or be followed by a colon or a separator and the items
# of a share row, a tag list ...), so that a signer called "Privacy International" or
# "Share Foundation" is never taken for a footer.
_FOOTER_START = re.compile(
    r"^(?:related(?: posts| articles| content| stories| news| reading| resources)?|"
    r"(?:posts?|art[ií]culos|entradas|noticias|notas)\s+relacionad[oa]s|"
    r"(?:articles|publications)\s+(?:similaires|li[ée]es)|[àa] lire aussi|"
    r"tambi[ée]n\s+(?:te\s+)?podr[ií]a(?:n)?\s+gustar(?:te)?|te\s+puede\s+interesar|"
    r"quiz[áa]s?\s+te\s+interese|vous\s+(?:aimerez|pourriez)\s+aussi(?:\s+aimer)?|"
    r"\d+\s+(?:thoughts?|comments?|responses?|replies)\s+(?:on|to)\b.*|"
    r"post a comment|subscribe to:? post comments.*|links to this post:?|create a link|"
    r"(?:<<|«)\s*home|(?:log ?in|inicia sesi[oó]n|connectez-vous) (?:to post|para enviar|"
    r"pour (?:poster|publier)) (?:comments|comentarios|des commentaires)|"
    r"most (?:viewed|read|popular|shared)|you may also like|you might also like|"
    # "More letters", "Das könnte Sie auch interessieren", "Você também pode gostar"
    r"more (?:letters|statements|news|stories|articles|publications|open letters|resources)|"
    # "Other open letters", "Recent posts", "Articles récents", "Entradas recientes"
    r"(?:other|recent|latest|more recent) (?:open )?(?:letters|posts|articles|news|statements|"
    r"publications|stories)|articles r[ée]cents|derniers articles|derni[èe]res publications|"
    r"entradas recientes|art[ií]culos recientes|[úu]ltimas (?:noticias|entradas|publicaciones)|"
    r"posts recentes|[úu]ltimos artigos|neueste beitr[äa]ge|aktuelle beitr[äa]ge|"
    r"das k[öo]nnte sie auch interessieren|weitere (?:artikel|beitr[äa]ge|meldungen|briefe)|"
    r"voc[êe] (?:tamb[ée]m )?pode (?:gostar|se interessar)|leia mais|mais lidas|"
    r"read more|read next|share(?: this)?(?: page| article| post| letter| story)?|partager|"
    r"compartir|support (?:us|our work)|donate(?: now| today)?|faire un don|donar|"
    r"your (?:tax[- ]deductible )?(?:gift|donation)|subscribe(?: now| to our newsletter)?|"
    r"newsletter|sign up(?: (?:for|to) (?:our|the) (?:newsletter|updates|mailing list))?|"
    r"abonnez-vous|suscríbete|follow us(?: on)?|stay (?:informed|connected|updated)|"
    r"privacy(?: policy| notice)?|terms of (?:use|service)|mentions légales|"
    # the same footer in other languages: "Política de privacidade · Termos de uso",
    # "Síguenos en Facebook y X", "Leia também", "Tous droits réservés 2025"
    r"pol[ií]tica de privacidad[e]?|aviso de privacidad|aviso legal|termos de uso|"
    r"t[ée]rminos y condiciones|conditions g[ée]n[ée]rales(?: d'utilisation)?|"
    r"datenschutz(?:erkl[äa]rung)?|impressum|"
    r"s[ií]guenos(?: en)? .{1,60}|siga-nos(?: n[oa]s?)? .{1,60}|suivez-nous(?: sur)? .{1,60}|"
    r"folgen sie uns(?: auf)? .{1,60}|"
    r"leia tamb[ée]m|veja tamb[ée]m|saiba mais|lea tambi[ée]n|ver tambi[ée]n|voir aussi|"
    # a form or site builder's credit: "Powered by EveryAction · Privacy Policy"
    r"powered by \S{2,40}(?: \S{2,20})?|propuls[ée] par \S{2,40}|desarrollado (?:por|con) \S{2,40}|"
    # a static site's generator credit: "Website built with Franklin.jl.", "Made with Hugo"
    r"(?:(?:web)?site |page )?(?:built|made|generated|created) (?:with|using|by) "
    r"(?:hugo|jekyll|franklin\.jl|eleventy|11ty|gatsby|pelican|hexo|mkdocs|docusaurus|"
    r"astro|middleman|zola|nikola|sphinx|quarto|github pages|wordpress|squarespace|wix|"
    r"ghost|webflow|nuxt|next\.js|vuepress)\.?|"
    r"lire la suite|siehe auch|lesen sie auch|mehr zum thema|"
    r"(?:all rights reserved|tous droits r[ée]serv[ée]s|todos los derechos reservados|"
    r"todos os direitos reservados|alle rechte vorbehalten)(?:\s*[.,]?\s*\d{4})?\.?|"
    r"region\s*/\s*country|tags?|topics?|filed under|back to top|"
    r"more on this|more from(?: this| the)? \w+|latest (?:news|posts)|recent posts|see also|"
    r"explore(?: more)?(?: on)?(?: these| this| related)? (?:topics?|issues?|stories)|"
    r"about (?:us|the author|this organi[sz]ation)|comments?|leave a (?:comment|reply)|"
    # a comment widget's line: "Please enable JavaScript to view the comments powered by
    # Disqus.", "comments powered by Disqus"
    r"(?:please enable javascript to view the )?(?:blog )?comments powered by disqus\.?|"
    # a social post's action row: "Like" / "Comment" / "Repost" / "Send"
    r"like|repost|send|"
    r"(?:«|‹|<)?\s*back to \w+(?: \w+)?|newer(?: posts?)?|older(?: posts?)?|"
    r"previous(?: post| article)?|next(?: post| article)?|"
    # a pager with its arrow and the item it leads to: "← Anterior: Informe trimestral",
    # "Siguiente: Alerta por desalojo →" (a French quotation mark alone is no pager)
    r"←\s*\w.{0,80}|.{0,80}\w\s*→|"
    r"(?:«|‹)\s*(?:anterior|pr[ée]c[ée]dent|previous|prev|older|vorherige|zur[üu]ck)\b.{0,80}|"
    r"(?:siguiente|suivant|next|newer|n[äa]chste|weiter|pr[óo]ximo)\b.{0,80}(?:»|›)|"
    # a CMS's pager and latest-items box: "Précédent" / "Suivant" / "Dernières publications"
    r"pr[ée]c[ée]dent(?:e)?|suivant(?:e)?|anterior|siguiente|vorherige[rs]?|n[äa]chste[rs]?|"
    # "Billet précédent" / "Billet suivant", "Entrada anterior": a blog's pager, named
    r"(?:billet|article|message|entr[ée]e|publication|entrada|art[íi]culo)\s+"
    r"(?:pr[ée]c[ée]dent(?:e)?|suivant(?:e)?|anterior|siguiente)|"
    r"derni[èe]res publications|derniers articles|[úu]ltimas (?:publicaciones|noticias)|"
    r"neueste beitr[äa]ge|[úu]ltimas publica[çc][õo]es|"
    r"artículos relacionados|verwandte artikel|ähnliche \w+|articles? liés|à lire aussi|"
    r"dona ahora|jetzt spenden|teilen|confidentiality notice|disclaimer|"
    r"-{2,}\s*(?:original message|forwarded message)\s*-*|--|"
    r"上一篇|下一篇)"
    r"(?:\s*[:|»›·•].*)?$"
    r"|^(?:©|\(c\)\s*\d{4}|copyright\b).*$",
    _I,
)
# Scripts other than Latin: Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, Hangul,
# kana and CJK ideographs (with their punctuation and full-width forms).
_FOREIGN = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u097f"
    "\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    "\uf900-\ufaff\uff66-\uff9f]"
)
_LETTER = re.compile(r"[^\W\d_]")


def foreign_script_share(text: str) -> float:
    """The share of letters in ``text`` written in a non-Latin script."""
    if text.isascii():
        return 0.0
    foreign = len(_FOREIGN.findall(text))
    if not foreign:
        return 0.0
    letters = len(_LETTER.findall(text))
    return foreign / letters if letters else 0.0


_PAGE_FIELD = re.compile(
    r"(?i)^(?:type|document type|content type|format|categor(?:y|ies)|cat[ée]gories?|"
    r"categor[ií]as?|kategorien?|author|auteur|autor|written by|[ée]crit par|language|"
    r"langue|idioma|reading time|press release|media release|news release)\s*:\s*\S.{0,60}$"
)
"""A CMS's field above a post ("Type: Letter", "Category: Open letters", "Author: …",
a news wire's "Press Release: <the group that sent it>")."""

_INSTRUCTION = re.compile(
    r"(?i)^(?:salutation|greeting|suggested salutation|anrede|formule d['’]appel|saludo|"
    r"sauda[çc][ãa]o)\s*:\s*\S.{0,80}$"
)
"""A model letter's note on how to greet ("Salutation: Dear Minister,"), not its greeting."""


_ICON_LIGATURE = re.compile(
    r"(?:chevron|arrow|navigate|keyboard_arrow|expand)_(?:left|right|back|forward|before|next|"
    r"up|down|less|more)"
)
"""A Material icon's name, which a page copied as text keeps where the icon stood."""


@functools.lru_cache(maxsize=8192)
def noise_reason(text: str, *, latin_document: bool = True) -> str | None:
    """Why a line is page noise, or None when it may be part of the letter.

    Args:
        text: The line (stripped).
        latin_document: The document is mostly Latin script, so a line mostly in
            another script is site chrome.
    """
    line = text.strip()
    if not line:
        return None
    if "_" in line:
        # an icon font's ligature copied as its name: "chevron_leftOlder Post"
        line = _ICON_LIGATURE.sub(" ", line).strip() or line
    if len(line) <= 80 and _CHROME.match(re.sub(r"^[•·▪◦]\s+", "", line).rstrip(" :›»>")):
        return "page chrome"  # "• Partilhar": a menu's item under its bullet too
    lowered = line.lower()
    if len(line) <= 240 and (
        _CHROME_ANYWHERE.match(line)
        or (any(key in lowered for key in _CONTAINS_KEYS) and _CHROME_CONTAINS.search(line))
    ):
        if re.match(r"^(?:page \d|-\s*\d|\d+\s*/\s*\d|\[?\d+\]?$)", line, _I):
            return "page number"
        return "page footer"
    if _INSTRUCTION.match(line):
        return "instruction to the writer"
    if _PAGE_FIELD.match(line):
        return "page field"
    if _SHARE_ROW.match(line) or _NETWORK_ALONE.match(line) or _share_buttons(lowered):
        return "share links"
    if len(line) <= 80 and _RUN_TOGETHER_SHARE.match(line):
        return "share links"
    if len(line) <= 80 and _CALL_TO_SIGN.match(line):
        return "call to sign"
    if len(line) <= 200 and (_CALL_TO_ACTION.match(line) or _DONATE.match(line)):
        return "call to action"
    if _SITE_NOTICE.match(line):
        return "page footer"
    items = [item.strip() for item in _MENU_SEPARATOR.split(line)]
    if (
        len(items) >= 3
        and all(0 < len(item.split()) <= 3 for item in items)
        and not re.search(r"\d{4}", line)
    ):
        return "navigation menu"
    if len(items) == 2 and all(_CHROME.match(item) for item in items):
        return "navigation menu"  # "Home page | Back to the top": two links, both the site's
    if len(line) <= 70 and re.search(r"(?i)(?:^|[\s–—|-])page \d+(?: of \d+)?\s*$", line):
        return "page number"
    if latin_document and foreign_script_share(line) > 0.3:
        return "site chrome in another script"
    if re.fullmatch(r"(?:</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>\s*)+", line) and not re.fullmatch(
        r"<[A-ZÀ-Þ]{2,}(?:\s+[A-ZÀ-Þ]{2,})*>", line.strip()
    ):
        # "</textarea>": a page's tag shown as text (a letter in a text box); "<TU NOMBRE>"
        # in capitals is a template's blank
        return "markup"
    if (re.fullmatch(r"[\W_]{1,6}", line) and line not in ("###",)) or re.fullmatch(
        r"[\s_\-–—.*=~•·…‥]{3,}|[…‥]{2,}", line
    ):
        return "decoration"
    if names.SIGNATURE_MARK.fullmatch(line) or re.fullmatch(
        r"(?i)[(\[](?:signed|signature|original signed)[)\]]:?|"
        r"(?:signature|original signed|signed:)|signature:|(?-i:s\.\s?k\.)",
        line,
    ):
        # "(Sd/-)", "/s/", "[Signature]" alone on a line, Hungarian "s.k." in lower case
        # (signed by hand; "S.K." would be initials);
        # a bare "Signed" over the names is the letter's close (it needs a signer under it)
        return "signature placeholder"
    return None


def is_footer_start(text: str) -> bool:
    """True when ``text`` opens the page furniture that follows a letter."""
    # a page's footer may be a list: "• Follow Us", "• Facebook"
    return bool(_FOOTER_START.match(re.sub(r"^[•·▪◦*-]\s+", "", text.strip())))


_HEADER_LABEL = re.compile(
    r"(?i)^(?:to|from|re|subject|cc|bcc|date|attn|attention|objet|asunto|para|de|a|à)\s*:"
)
"""A memo or e-mail header ("To: Pres. Biden"): the letter's head, never a menu item."""


def _nav_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 4
        and len(text) <= 40
        and not text.endswith((".", ",", ";", ":"))
        and not any(ch.isdigit() for ch in text)
        and not _HEADER_LABEL.match(text)
    )


def mark_navigation(lines: list[Line], stop: int) -> set[int]:
    """Indexes of menu lines: runs of three or more short lines before ``stop``.

    Args:
        lines: The document's lines.
        stop: Do not look at or past this index (the first line of the letter proper).
    """
    found: set[int] = set()
    run: list[int] = []
    for index in range(min(stop, len(lines))):
        line = lines[index]
        if not line.blank and _nav_like(line.text):
            run.append(index)
            continue
        if line.blank and run:
            # a blank line ends the run
            pass
        if len(run) >= 3:
            found.update(run)
        run = []
    if len(run) >= 3:
        found.update(run)
    return found


# -- page furniture by itself ----------------------------------------------------------


DELIVERY_LINE = re.compile(
    r"^(?:sent\s+)?(?:by|via|per)\s+(?:e-?mail|electronic mail|fax|facsimile|hand(?: delivery)?|"
    r"courier|post|registered post|first[- ]class mail|u\.s\. mail|certified mail|"
    r"overnight(?: delivery)?|diplomatic pouch|regulations\.gov|the federal erulemaking portal)"
    r"\b.*$|"
    # "Submitted via regulations.gov", "Filed electronically through …": a public comment's
    r"^(?:submitted|filed|delivered|sent)\s+(?:electronically\s+)?(?:via|by|through|to)\s+\S.*$|"
    # "Par courriel : …", "Envoyée par courriel", "Por correo electrónico: …"
    r"^(?:envoy[ée]e?s?\s+|enviad[oa]s?\s+)?(?:par|por)\s+(?:courriel|e-?mail|"
    r"correo(?:\s+electr[óo]nico)?|t[ée]l[ée]copie|fax)\b.*$",
    re.IGNORECASE,
)
"""A mailing notation: how the letter goes out ("By email: committee@…", "Via fax")."""


_ROUTED = re.compile(r"(?i)^(?:through|thru)\s*:\s*\S")
"""A formal letter's routing line ("Through: The Dean of Students"): who passes it on."""


_DOWNLOAD_LINK = re.compile(r"(?i)(?:download|t[ée]l[ée]charger|descargar|baixar)\b")


def _context_free_noise(lines: list[Line]) -> dict[int, str]:
    whole = " ".join(ln.text for ln in lines[:400])
    latin = foreign_script_share(whole) < 0.3
    noise: dict[int, str] = {}
    for index, ln in enumerate(lines):
        if ln.blank:
            continue
        reason = noise_reason(ln.text, latin_document=latin)
        if reason and reason != "page number":
            dated = parse_date_line(ln.text)
            if dated is not None and dated.published:
                reason = None
        if reason:
            noise[index] = reason
    for index, ln in enumerate(lines):
        if (
            len(ln.text) > 30
            or index in noise
            or ln.blank
            or not _SHARE_LABEL.match(ln.text.strip())
        ):
            continue
        below = next((j for j in range(index + 1, len(lines)) if not lines[j].blank), None)
        if below is not None and (
            noise.get(below) == "share links"
            or re.fullmatch(rf"[•·▪◦*-]?\s*{_NETWORKS}", lines[below].text.strip(), _I)
        ):
            noise[index] = "share links"  # "Comparte" over the share row it names
    _mark_form_fields(lines, noise)
    for index in [i for i, r in noise.items() if r == "page number"]:
        before = lines[index - 1] if index else None
        if (
            before is not None
            and not before.blank
            and re.fullmatch(r"(?:19|20)\d\d", lines[index].text.strip())
            and (
                before.text.rstrip().endswith(",")
                or find_date(f"{' '.join(before.text.split()[-2:])} {lines[index].text.strip()}")
                is not None
            )
        ):
            # "… (AMENDMENT) BILL," / "2025", "… Hauptversammlung am 28. Mai" / "2025": a
            # line's year, wrapped onto a line of its own
            del noise[index]
            continue
        _mark_running_header(lines, index, noise)
    for index in [i for i, r in noise.items() if r == "page chrome"]:
        # a short line inside a hard-wrapped paragraph is text, not a menu item
        before = lines[index - 1] if index else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if (
            before is not None
            and after is not None
            and not before.blank
            and not after.blank
            and not before.hard
            and index - 1 not in noise
            and index + 1 not in noise
            and len(before.text) > 40
            and not re.search(r"[.!?:;]$", before.text)
            # "Etiquetas: agua, …" under the last signer: a labelled line opens no wrapped
            # line of a paragraph
            and not re.match(r"[^\W\d_][\w-]*\s?:\s", lines[index].text)
        ):
            del noise[index]
            continue
        # one word of a menu ("reddit", "Press") amid a list of names is one of the names:
        # a menu's items stand beside other menu items, not beside signers
        near = [i for i in (index - 2, index - 1, index + 1, index + 2) if 0 <= i < len(lines)]
        named = [i for i in near if not lines[i].blank and i not in noise]
        if (
            len(named) >= 3
            and all(label_like(lines[i].text) and _words(lines[i].text) <= 8 for i in named)
            and not any(lines[i].link for i in named)
            and not lines[index].link
            and not re.search(r"\d|:|\?", lines[index].text)  # "Hits: 412" is no name
            # "Download the memorandum (PDF)" under the last signer is a link, not a name
            and not _DOWNLOAD_LINK.match(lines[index].text)
        ):
            del noise[index]
    return noise


def _mark_form_fields(lines: list[Line], noise: dict[int, str]) -> None:
    """The fields of a sign-up form between its two calls to sign ("Add your name" /
    "Full name" / "Role / School" / "Sign the letter"): a form's labels, not signers."""
    calls = [i for i, reason in sorted(noise.items()) if reason == "call to sign"]
    for first, second in itertools.pairwise(calls):
        between = [i for i in range(first + 1, second) if not lines[i].blank]
        if (
            0 < len(between) <= 4
            and all(i not in noise for i in between)
            and all(_words(lines[i].text) <= 4 for i in between)
            and not any(re.search(r"\d", lines[i].text) for i in between)
        ):
            for i in between:
                noise[i] = "sign-up form field"


def _mark_running_header(lines: list[Line], page: int, noise: dict[int, str]) -> None:
    """A title line standing alone right after a page number is a running page header."""
    index = page + 1
    while index < len(lines) and lines[index].blank and index - page <= 2:
        index += 1
    if index >= len(lines) or lines[index].blank or index in noise:
        return
    after = index + 1
    if after >= len(lines) or not lines[after].blank:
        return  # part of a paragraph or block that goes on
    if not any(not ln.blank for ln in lines[after:]):
        return  # nothing after it: the end of the document, not a page header
    text = lines[index].text
    if (
        len(text) > 80
        or re.search(r"[.!?:;,]$", text)
        or split_marker(text)
        or text.lower().startswith("dear ")
        or parse_date_line(text) is not None
    ):
        return
    noise[index] = "running page header"


def _mark_preamble_noise(lines: list[Line], stop: int, noise: dict[int, str]) -> None:
    """Delivery lines ("By email: ...") and forwarded e-mail headers before the letter.

    When the last e-mail header block stands right above the greeting (or above its inside
    address), the letter is that e-mail: its header (From, To, Date, Subject) is the letter's
    head and is read as such; only what precedes the header is set aside.
    """
    last_header_block_end: int | None = None
    last_header_block_start = 0
    index = 0
    while index < stop:
        if lines[index].blank:
            index += 1
            continue
        end = index
        while end < stop and not lines[end].blank:
            end += 1
        block = range(index, end)
        headers = [i for i in block if MAIL_HEADER.match(lines[i].text)]
        mail = any(
            re.match(r"^(?:Sent|Gesendet|Envoyé|Enviado)\s*:", lines[i].text)
            or "@" in lines[i].text
            for i in headers
        )
        if (
            len(headers) >= 2
            and mail
            and any(lines[i].text.startswith(("From", "Von", "De")) for i in headers)
        ):
            last_header_block_end, last_header_block_start = end, index
        index = end
    if last_header_block_end is not None:
        # the letter's own header: nothing but its inside address between it and the
        # greeting (a cover note in prose means the header is a forwarding message's)
        between = range(last_header_block_end, stop)
        own = not any(is_prose(lines[i].text) for i in between if not lines[i].blank)
        why = "above the letter's e-mail header" if own else "forwarded e-mail"
        for i in range(last_header_block_start if own else last_header_block_end):
            if not lines[i].blank:
                noise.setdefault(i, why)
    for i in range(stop):
        if not lines[i].blank and _ROUTED.match(lines[i].text.strip()):
            noise.setdefault(i, "routing line ('Through: the Dean')")  # not the addressee's
            continue
        if not lines[i].blank and DELIVERY_LINE.match(lines[i].text.strip()):
            above = next((j for j in (i - 1, i - 2) if j >= 0 and not lines[j].blank), None)
            if (
                above is not None
                and len(lines[above].text.split()) <= 10
                and parse_date_line(lines[above].text) is None  # a date is no address
            ):
                continue  # under an inside address, it is that address's last line
            noise.setdefault(i, "delivery line")
