/**
 * Captions of the credentials flow in the languages the portal is known to be shown in. They are
 * hints, never the only gate: the detector also works from the flow's shape (a form with a name
 * field, a button, then a pop-up with one new key) in a language it has never seen. All are
 * matched against normalizeCaption() text: lowercase, single-spaced.
 */

/** The button that makes the key. English is documented; the others follow the portal's locales. */
export const GENERATE_CAPTION =
  /^(generate|generieren|erzeugen|erstellen|générer|generer|créer|generar|crear|generare|genera|crea|gerar|genereren|generuj)( (new )?(api[ -]?)?(key|schlüssel|clé|clave|chiave|chave|sleutel|klucz))?$/;

/** Whole captions only the credentials area shows: the area, its tab, its button, its type. */
export const CREDENTIAL_CAPTIONS: readonly RegExp[] = [
  /^apps? (&|and|und|et|y|e|en) (integrations?|integrationen|intégrations|integraciones|integrazioni|integrações|integraties)$/,
  /^applications et intégrations$/,
  /^(credentials?( manager)?|anmeldedaten|zugangsdaten|identifiants|credenciales|credenziali|credenciais|inloggegevens)$/,
  /^(\+ ?)?(new credentials?|neue (anmeldedaten|zugangsdaten)|nouvel identifiant|nouveaux identifiants|nueva credencial|nuove credenziali|nova credencial|nieuwe inloggegevens)$/,
];

/**
 * Words that stay untranslated in every locale: "API" (API key, API-Schlüssel, Clé API, APIキー)
 * and "OAuth". A heading, tab or choice that carries one is part of the credentials area.
 */
export const UNTRANSLATED_HINT = /(^|[^a-z])(api|oauth)([^a-z]|$)/;

/** The OAuth client flow shares the screen; its pop-up shows an id and a secret, neither an API key. */
export const OAUTH_HINT = /oauth|client[ _-]?secret/i;

/** The page title may carry a suffix ("Apps & Integrations | SmartRecruiters"), so a part counts. */
export const TITLE_HINT =
  /apps? (&|and|und|et|y|e|en) integr|intégrations|credential|anmeldedaten|identifiants|credenciales|credenziali/;

/** The name field of the form: "Credentials name" is documented; the others are its translations. */
export const SPECIFIC_NAME_LABEL =
  /^((credentials?|api key|key) name|name (der|des) (anmeldedaten|zugangsdaten|schlüssels)|nom (de l'|de l’|des )?(identifiants?|clé)|nombre de (la )?(credencial|clave)|nome (della )?(credenziale|chiave)|nome da credencial)$/;
export const NAME_LABEL = /^(name|nom|nombre|nome|naam|nazwa|titel|title)$/;
export const NOTE_LABEL = /^((credentials? )?description|beschreibung|descripción|descrizione|descrição|beschrijving|opis)$/;
