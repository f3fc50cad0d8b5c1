/**
 * Everyday UK council posts, generated at run time from templates (varied services, places, times, links, numbers,
 * hashtags, media, and now and then something the checks should find), for the policy speed bench. Seeded, so two
 * runs check the same posts; never a fixed test set.
 */
import type { MediaInput, PostInput } from '../src-main/core/policy/types';

let seed = 20260501;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const num = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

const PLACES = ['Abbeydale Road', 'Mill Lane', 'Station Road', 'the Market Square', 'Hillsborough Park', 'Church Street', 'Elm Grove', 'the Town Hall', 'Victoria Park', 'High Street', 'Crookes', 'Walkley', 'Anytown library', 'the leisure centre', 'Orchard Square', 'Bramley Road'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'September', 'October', 'November', 'December'];
const SERVICES = ['bin collections', 'garden waste collections', 'the household waste recycling centre', 'library opening hours', 'parking permits', 'school admissions', 'council tax payments', 'the Blue Badge service', 'street lighting repairs', 'pothole repairs', 'the food bank', 'adult social care', 'the housing repairs line', 'bulky waste collections'];
const PAGES = ['bins', 'roadworks', 'council-tax', 'libraries', 'parking', 'jobs', 'consultations/budget', 'parks/events', 'housing/repairs', 'schools/admissions', 'recycling', 'cost-of-living'];
const HASHTAGS = ['#RecycleRight', '#AnytownJobs', '#ShopLocal', '#RoadSafetyWeek', '#LoveYourLibrary', '#HaveYourSay', '#CostOfLiving', '#WinterReady', '#ParksForAll', '#VolunteersWeek'];
const SENTENCES: Array<() => string> = [
  () => `${cap(pick(SERVICES))} will run as normal on ${pick(DAYS)}.`,
  () => `Roadworks on ${pick(PLACES)} start on ${pick(DAYS)} ${num(1, 28)} ${pick(MONTHS)} and last about ${num(2, 6)} weeks.`,
  () => `${pick(PLACES)} will be closed from ${num(7, 10)}am to ${num(3, 6)}pm while our crews resurface the road.`,
  () => `Find out more at https://www.anytown.gov.uk/${pick(PAGES)}`,
  () => `Check your collection day at www.anytown.gov.uk/${pick(PAGES)} or call us on 0300 123 4567.`,
  () => `Thank you to the ${num(12, 140)} volunteers who helped at ${pick(PLACES)} last weekend.`,
  () => `We are recruiting care workers, drivers and cleaners: apply by ${pick(DAYS)} ${num(1, 28)} ${pick(MONTHS)}.`,
  () => `The consultation on ${pick(SERVICES)} closes on ${num(1, 28)} ${pick(MONTHS)}. Have your say online.`,
  () => `Free family activities at ${pick(PLACES)} every ${pick(DAYS)} this half term.`,
  () => `Please put your bin out by 7am and leave room for our crews to get past parked cars.`,
  () => `Our ${pick(['parks', 'highways', 'libraries', 'housing', 'waste'])} team fixed ${num(40, 900)} problems reported by residents last month.`,
  () => `Gritters will treat priority routes tonight from ${num(6, 9)}pm. Drive carefully.`,
  () => `${pick(HASHTAGS)} ${pick(HASHTAGS)}`,
  () => `Did you know you can report a missed bin online in under two minutes?`,
  () => `What would you like to see at ${pick(PLACES)}? Tell us in our survey.`,
  () => `Opening hours over the bank holiday: ${pick(PLACES)} is open ${num(9, 10)}am to ${num(3, 5)}pm.`,
];
// Now and then something for the checks to find.
const SPICE: Array<() => string> = [
  () => `Questions? Ring Jo on 07700 900${num(100, 999)}.`,
  () => `The Tories have cut our grant again.`,
  () => `What a load of bloody nonsense from the contractor.`,
  () => `Email jane.smith@example.com for a place.`,
  () => `More at https://bit.ly/${num(1000, 9999)}x`,
  () => `A man has been charged with theft and will appear in court next week.`,
  () => `CLICK HERE FOR ALL THE DETAILS ABOUT THE CHANGES`,
  () => `Pay at anytown.gov.uk/\u202Eyap`,
];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const PLATFORMS = ['x', 'facebook', 'bluesky', 'mastodon', 'linkedin', 'threads', 'instagram'] as const;

function sentence(): string {
  return rnd() < 0.06 ? pick(SPICE)() : pick(SENTENCES)();
}

/** Sentences up to about `length` characters, cut at a word boundary at or under it. */
function textOf(length: number): string {
  let t = '';
  while (t.length < length) t += (t ? ' ' : '') + sentence();
  if (t.length > length) t = t.slice(0, t.lastIndexOf(' ', length));
  return t;
}

function media(): MediaInput[] | undefined {
  if (rnd() < 0.7) return undefined;
  return [{ kind: 'image', alt: rnd() < 0.9 ? `Crews at work on ${pick(PLACES)}` : undefined, source: 'Anytown communications team', licence: 'Council-owned', peopleShown: rnd() < 0.3, consentRecorded: rnd() < 0.8 }];
}

export function generatedPost(i: number, length = num(60, 280)): PostInput {
  const p: PostInput = { id: `p${i}`, platform: pick(PLATFORMS), text: textOf(length) };
  const m = media();
  if (m) p.media = m;
  if (rnd() < 0.5) p.scheduledAt = new Date(Date.UTC(2026, 2, num(2, 15), num(6, 21), pick([0, 15, 30, 45]))).toISOString();
  return p;
}

