export {
  alphaFromCoincidences,
  coincidences,
  MIN_PAIRABLE_VALUES,
  type AlphaLevel,
  type AlphaResult,
  type Coincidences,
} from './krippendorff';
export {
  AGREEMENT_LEVELS,
  agreementFigure,
  coincidencesFromPairs,
  intervalFigure,
  figureFromUnits,
  NOT_ENOUGH_DATA,
  sumCoincidences,
  unitsBy,
  type AgreementBasis,
  type AgreementFigure,
  type AgreementSet,
  type IntervalSums,
  type PairCounts,
} from './agreement-set';
