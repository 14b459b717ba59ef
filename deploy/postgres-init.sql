-- The signer and the trust server each get their own database, as notary-signer and notary-server do.
CREATE DATABASE notarysigner OWNER trustyard;
CREATE DATABASE notaryserver OWNER trustyard;
