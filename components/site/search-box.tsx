/** The masthead's search box: a plain GET form to /search, so it works without JavaScript. */
export function SearchBox() {
  return (
    <form className="search-box" role="search" action="/search" method="get" aria-label="Site search">
      <label htmlFor="masthead-search" className="visually-hidden">
        Search articles
      </label>
      <input id="masthead-search" className="search-box__input" type="search" name="q" autoComplete="off" enterKeyHint="search" placeholder="Search articles" />
      <button className="search-box__button" type="submit">
        Search
      </button>
    </form>
  );
}
