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
  figureFromUnits,
  NOT_ENOUGH_DATA,
  sumCoincidences,
  unitsBy,
  type AgreementBasis,
  type AgreementFigure,
  type AgreementSet,
} from './agreement-set';
