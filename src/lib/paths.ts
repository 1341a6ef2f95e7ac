/** Every internal URL path in one place, so links and routes cannot drift apart. */
export const paths = {
  home: () => '/',
  article: (slug: string) => `/articles/${slug}/`,
  articleTimeline: (slug: string) => `/articles/${slug}/timeline/`,
  event: (slug: string, eventId: string) => `/articles/${slug}/timeline/${eventId}/`,
  eventAnchor: (slug: string, eventId: string) => `/articles/${slug}/#event-${eventId}`,
  photo: (slug: string, photoId: string) => `/articles/${slug}/photos/${photoId}/`,
  timeline: () => '/timeline/',
  people: () => '/people/',
  person: (id: string) => `/people/${id}/`,
  countries: () => '/countries/',
  country: (id: string) => `/countries/${id}/`,
  organisations: () => '/organisations/',
  organisation: (id: string) => `/organisations/${id}/`,
  places: () => '/places/',
  place: (id: string) => `/places/${id}/`,
};
