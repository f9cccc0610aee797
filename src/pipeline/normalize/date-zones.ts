/** Reads the zone part of a date string ("+0700", "GMT+7", "UTC+07:00", "EST", "ICT") as minutes east of UTC. */

// RFC 822 names, plus the abbreviations Asian portals and CMSs actually print.
const NAMED_ZONES_MINUTES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  ict: 420, wib: 420, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540,
  wet: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180,
};

const NUMERIC_ZONE = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/**
 * Minutes east of UTC for a zone token, or undefined when the token is not a zone.
 * With `unknownNameIsUtc`, other short alphabetic names count as UTC, as RFC 2822 §4.3 says.
 */
export function parseZoneMinutes(token: string, unknownNameIsUtc = false): number | undefined {
  const zone = token.toLowerCase().replace(/[\s()]/g, '');
  const numeric = NUMERIC_ZONE.exec(zone);
  if (numeric) {
    const [, sign, hours = '0', minutes = '0'] = numeric;
    const total = Number(hours) * 60 + Number(minutes);
    return sign === '-' ? -total : total;
  }
  const named = NAMED_ZONES_MINUTES[zone];
  if (named !== undefined) return named;
  return unknownNameIsUtc && /^[a-z]{1,5}$/.test(zone) ? 0 : undefined;
}
