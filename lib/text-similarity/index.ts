export { normalisedSentences, normaliseSentence, synonyms } from "./normalise";
export { isBoilerplate, standardSentences } from "./boilerplate";
export {
  commonClauseUnits,
  commonSentences,
  fingerprintClauses,
  withoutCommon,
  copyColumns,
  minutesCopyColumns,
  copyBands,
  copyRules,
  fingerprintSimilarity,
  isCopied,
  shingles,
  textFingerprint,
  textSimilarity,
} from "./fingerprint";
