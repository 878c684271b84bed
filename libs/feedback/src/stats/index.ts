export {
  alphaFromCoincidences,
  coincidences,
  MIN_PAIRABLE_VALUES,
  type AlphaLevel,
  type AlphaResult,
  type Coincidences,
} from './krippendorff';
