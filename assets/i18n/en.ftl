# pantau's window in English. Every message here has its twin in id.ftl with the same
# placeables (a test checks it). Product names, codes and format names stay as they are.

## Menus
menu-file = File
menu-new-database = New database…
menu-open-database = Open database…
menu-connect-server = Connect to server…
menu-import-files = Import files…
menu-import-folder = Import folder…
menu-import-options = Import options…
menu-import-options-hint = which record fields or columns the article fields are read from
menu-export = Export
menu-export-mentions = Mentions (CSV)…
menu-export-articles = Articles (CSV)…
menu-export-timeline = Timeline (CSV)…
menu-export-cooccurrence = Co-occurrence (CSV)…
menu-export-network = Network (GEXF)…
menu-quit = Quit
menu-view = View
menu-actors-panel = Actors panel
menu-dark-theme = Dark theme
menu-language = Language
menu-database = Database: { $path }

## Tabs
tab-timeline = Timeline
tab-cooccurrence = Co-occurrence
tab-articles = Articles
tab-dictionary = Dictionary

## Status bar, import progress and report
status-import-counts = { $articles } articles, { $mentions } mentions — { $current }
common-cancelling = Cancelling…
common-cancel = Cancel
common-dismiss = Dismiss
import-failed = Import failed: { $error }
import-report-summary = Import report: { $failed } failed files, { $warned } with warnings{ $cancelled ->
        [yes] ; cancelled: { $skipped } files not imported
       *[no] {""}
    }
import-report-failed = failed: { $path } — { $reason }
import-report-not-imported = not imported: { $path } — { $reason }
import-report-warning = warning: { $path } — { $reason }
import-report-read-text = Read the text from it…
import-report-read-text-hint = open the import options with text ← { $field }; import the file again afterwards
status-import-options = Import options: { $mapping }
status-import-options-change = Change…
status-drop-hint = Drop files or folders here to import them.
import-phase-preparing = Preparing the dictionary…
import-phase-scanning = Listing files…
import-phase-importing-records = { $done } / { $total } files · { $percent }% of this file
import-phase-importing = { $done } / { $total } files
notice-import-summary = Import { $state ->
        [cancelled] cancelled
       *[finished] finished
    }: { $added } articles added, { $duplicates } duplicates, { $failed } failed files.

## Shell and notices
shell-show-actors = Actors »
shell-show-actors-hint = show the actors panel
notice-retag-summary = Re-tag { $state ->
        [cancelled] cancelled
       *[finished] finished
    }: { $articles } articles, { $mentions } mentions, { $datelines } datelines placed anew in { $seconds } s.
notice-retag-failed = Re-tag failed: { $error }
notice-language = The window speaks English.
notice-sample-unpack-failed = Cannot unpack the sample: { $error }
notice-sample-importing = Importing the bundled sample corpus…
notice-search-index-failed = Cannot update the search index: { $error }
notice-search-index-updated = Search index updated: { $count } articles.
notice-places-read-failed = Cannot read the places setting: { $error }

## Toolbars (timeline and co-occurrence)
toolbar-bin = Bin:
toolbar-bin-day = Day
toolbar-bin-week = Week
toolbar-bin-month = Month
toolbar-bin-year = Year
toolbar-show-count = Articles
toolbar-show-share = Share of articles
toolbar-moving-average = Moving average:
toolbar-moving-average-hint = the mean of this many bins, to smooth the lines (1 = off)
toolbar-moving-average-suffix = bins
toolbar-export-csv = Export CSV…
toolbar-from = From
toolbar-to = To
toolbar-count-stories = Count stories
toolbar-count-stories-hint = Count each story once (near-duplicate copies of an article grouped, counted by the first one) instead of every article
toolbar-named-in = Named in:
toolbar-named-in-hint = Count an actor in an article only where it is named: anywhere, in the headline or the lead (the first paragraph), or in the headline (what the article is about)
toolbar-named-in-anywhere = anywhere
toolbar-named-in-lead = lead
toolbar-named-in-headline = headline
toolbar-count-places = Count places
toolbar-count-places-hint = Count the places an article names for their country: "Bekasi", "Jawa Barat" for Indonesia, "Texas" for the United States (cities and first-level divisions of every country). Switching it re-tags the corpus.
toolbar-window = Together in the same:
toolbar-window-article = Article
toolbar-window-paragraph = Paragraph
toolbar-window-sentence = Sentence
toolbar-min-support = Minimum support:
toolbar-min-support-hint = pairs with fewer units with both are not listed
toolbar-only-plotted = Only plotted actors

## Timeline
timeline-empty-no-actors = Tick actors in the list on the left to plot them.
timeline-empty-no-data = No dated articles yet: import some with File > Import, or drop files here.
timeline-undated-notice = { $count ->
        [one] { $count } article of these actors has no date and is not plotted
       *[other] { $count } articles of these actors have no date and are not plotted
    } (tick '{ articles-undated-only }' in the { tab-articles } tab to date them).
timeline-axis-share = % of articles
timeline-axis-count = articles
timeline-spikes-heading = Spikes ({ $count }) — click one to list its articles and read the top one:
timeline-hover-share = { $value }% of articles
timeline-hover-count = { $value } articles
timeline-spike-row = { $bin } { $actor } — { $percent }% of articles (z = { $z }): { $title }

## Co-occurrence
cooc-matrix-heading = Matrix of the plotted actors (units with both)
cooc-pairs-summary = { $shown } of { $total } pairs with at least { $min } { $unit ->
        [article] articles
        [paragraph] paragraphs
       *[sentence] sentences
    } with both — click a pair to read its articles
cooc-col-pair = Pair
cooc-col-pair-hint = the two actors
cooc-pair-link-hint = read the articles where both occur

## Actors panel
actors-heading = Actors
actors-search-hint = Search: code, name or alias
actors-all = All
actors-countries = Countries
actors-organizations = Organizations
actors-plotted = { $count } plotted
actors-clear = Clear
actors-empty = No actors mentioned yet. Import articles with File > Import.
actors-row-counts = { $articles } art · { $mentions } m
actors-row-counts-hint = articles · mentions

## Articles
articles-show-all = Show all articles
articles-click-to-read = Click an article to read it.
articles-drill-actor = Articles mentioning { $actor }
articles-drill-actor-bin = Articles mentioning { $actor } in the { $bin } from { $start }
articles-drill-pair = Articles where { $a } and { $b } occur in the same { $window }
articles-search = Search:
articles-search-hint = words, "a phrase", title:opec, a OR b
articles-actor = Actor:
articles-actor-hint = code, name or alias
articles-language = Language:
articles-language-id = Indonesian
articles-language-en = English
articles-language-other = other
articles-source = Source:
articles-source-hint = outlet
articles-undated-only = Undated only
articles-search-error = Search: { $error }.
articles-page = { $from }–{ $to } of { $total }
articles-prev = < Prev
articles-next = Next >
articles-ticked = { $count } ticked — date:
articles-set-date = Set date
articles-tick-hint = tick to set the date
articles-from-place = from { $place }
articles-copies = { $count ->
        [one] { $count } other copy of its story
       *[other] { $count } other copies of its story
    }
common-all = all
common-undated = undated
common-untitled = (untitled)

## Reader
reader-no-source = no source
reader-reported-from = reported from { $place }
reader-link = link
reader-by = by { $names }
reader-editor = editor { $name }
reader-section = section { $name }
reader-stated-words = { $count } words (as stated)
reader-cut = The service that exported this article cut its text: { $count } characters are missing.
reader-title-only = Title only: the file gave no text for this article (a list of links).
reader-copies = Other copies of this story: { $total }
reader-copies-listed = Other copies of this story: { $total } ({ $listed } listed)
reader-near-duplicate-hint = near-duplicate #{ $id }, from { $path }
reader-exact-copy = exact copy in { $path }
reader-list-mentioning = list the articles mentioning it
reader-kwic = Keywords in context
reader-not-here = not here
reader-not-here-hint = "{ $alias }" is not { $actor } in this article (applied at the next re-tag)

## Dictionary
dict-actors = Actors
dict-candidates = Candidate names
dict-job-progress = { $done } / { $total } articles
dict-retag = Re-tag corpus
dict-retag-hint = Find the mentions again in every article with the edited dictionary.
dict-count-places = Count places for their country
dict-count-places-hint = "Moskow", "Bekasi", "Jawa Barat", "Texas" count for their country. Switching it re-tags the corpus.
dict-actors-shown = { $shown } of { $total } actors — click one to edit its aliases
dict-edit-aliases-hint = edit its aliases
dict-articles = articles
dict-more = … { $count } more: refine the search.
dict-select-actor = Select an actor to edit its aliases.
dict-aliases-of = Aliases of { $actor }
dict-no-aliases = No aliases stored (import or re-tag once to load the dictionary).
dict-usage-intro = { $count } mentions in all; per alias: its mentions, its articles and its share of the actor's mentions (hover an alias for where it stands). Untick an alias that counts what it should not, then re-tag.
dict-usage-unknown = { $count } mentions were stored before pantau kept their spelling: re-tag to count them per alias.
dict-origin-user = user
dict-origin-builtin = built-in
dict-enabled-hint = Used by the tagger (applied at the next re-tag)
dict-delete-alias-hint = Delete this alias of yours (applied at the next re-tag)
dict-col-alias = Alias
dict-col-name = Name
dict-col-mentions = Mentions
dict-col-articles = Articles
dict-col-share = Share
dict-col-language = Language
dict-col-case = Case
dict-col-via = Via
dict-col-origin = Origin
dict-col-enabled = Enabled
dict-other-names = Counted by names no alias lists: places of the gazetteer (with places counted), or an alias disabled or deleted before the re-tag.
dict-do-not-count = Do not count
dict-do-not-count-hint = This name stops counting for this actor at the next re-tag
dict-add-alias = Add alias
dict-alias-text-hint = alias text
dict-add = Add
dict-add-exclusion = Add exclusion
dict-this-alias = this alias
dict-is-not-in-phrase = is not { $actor } in the phrase
dict-exclusions = Exclusions ({ $count })
dict-any-alias = any alias
dict-exclusion-phrase = { $alias } is not { $actor } in the phrase { $phrase }
dict-exclusion-article = { $alias } is not { $actor } in article { $id }
common-delete = Delete

## Candidate names
cand-at-least = In at least
cand-articles = articles
cand-find = Find candidates
cand-find-hint = Reads every article in the background.
cand-new-actor-for = New actor for { $text }
cand-code = Code
cand-kind = Kind
cand-type = Type
kind-organization = organization
kind-country = country
cand-add-actor = Add actor
cand-add-actor-hint = Adds the actor with the candidate as its alias; re-tag to count it.
cand-close = Close
cand-list-heading = { $count } candidates, most frequent first — hover one for example contexts
cand-col-candidate = Candidate
cand-col-occurrences = Occurrences
cand-kind-name = name
cand-kind-acronym = acronym
cand-added = added
cand-alias-of = alias of { $actor }
cand-alias-of-hint = Add it as an alias of the selected actor
cand-new-actor = new actor…

## Dialogs and notices of the reducer
dialog-new-database = New database
dialog-open-database = Open database
dialog-filter-database = pantau database
dialog-import = Import
dialog-export = Export
notice-new-database = New database { $path }.
notice-not-opened = Not opened: { $error }
notice-opened = Opened { $path }.
notice-connected = Connected to { $address } as { $role }.
notice-connected-read-only = Connected to { $address } as { $role }, who may browse, search and export but not import or edit.
notice-dated = Dated { $count } articles { $date }.
notice-alias-added = Added the alias { $alias } to { $actor }; re-tag to count it.
notice-alias-enabled = { $state ->
        [on] Enabled
       *[off] Disabled
    } the alias { $alias } of { $actor }; re-tag to apply.
notice-place-disabled = { $name } no longer counts for { $actor }; re-tag to apply.
notice-alias-deleted = Deleted the alias { $alias }; re-tag to apply.
notice-places = Places { $state ->
        [on] count
       *[off] do not count
    } for their country: re-tagging the corpus.
notice-exclusion-phrase = { $alias } is not { $actor } in { $phrase }; re-tag to apply.
notice-exclusion-article = { $alias } is not { $actor } in article { $id }; re-tag to apply.
notice-exclusion-deleted = Exclusion deleted; re-tag to apply.
notice-actor-added = Added the actor { $actor } with the alias { $alias }; re-tag to count it.
notice-busy-wait = Wait for the running import or re-tag to end.
notice-busy-running = An import or a re-tag is already running.
import-label-many = { $count } files and folders
notice-import-options-invalid = Import options: { $error }; not imported.
notice-import-options-cleared = Import options: fields read by their usual names.
notice-import-options-set = Import options: the next imports read { $mapping }.

## Import options and exports
impopt-title = Import options
impopt-intro = Read an article field from a record field or column of your files (JSON, JSONL, CSV, spreadsheets), before the usual names. A dotted name looks inside objects: source.name.
impopt-from-field = from record field
impopt-field-hint = e.g. body_html
impopt-remove = Remove
impopt-add-field = Add a field
impopt-apply = Apply
notice-export-timeline-empty = Nothing to export yet: the timeline is empty.
notice-export-empty = Nothing to export yet.
notice-exported = Exported { $count } rows to { $path }.

## More
cooc-col-both = Both
cooc-col-both-hint = units (articles, paragraphs or sentences) mentioning both
cooc-col-jaccard-hint = units with both / units with either (0 to 1)
cooc-col-npmi-hint = normalised pointwise mutual information (-1 to 1; 0 = independent)
cooc-col-llr-hint = Dunning's log-likelihood G² (above 10.8: p < 0.001)
actors-no-match = No actor of the { $count } mentioned matches { $search }.
timeline-spike = spike

## Command line
cli-import-summary = { $files } files read, { $failed } failed; { $added } articles added, { $duplicates } duplicates, { $undated } undated; { $mentions } mentions; { $seconds } s
cli-warning = warning: { $path }: { $reason }
cli-failed = failed: { $path }: { $reason }
cli-not-imported = not imported: { $path }: { $reason }
cli-not-started = not imported: { $count } files (cancelled)
orgtype-intergovernmental = intergovernmental
orgtype-government-body = government body
orgtype-military = military
orgtype-armed-group = armed group
orgtype-political-party = political party
orgtype-ngo = NGO
orgtype-media = media
orgtype-company = company
orgtype-coalition = coalition

## The command line's help and parsing errors (clihelp-: one per command and option; the
## English ones equal the doc comments in src/cli, a test holds them so).
clihelp-usage = Usage:
clihelp-heading-commands = Commands
clihelp-heading-options = Options
clihelp-heading-arguments = Arguments
clihelp-default = [default: { $value }]
clihelp-flag-help = Print help
clihelp-flag-version = Print version
clierr-prefix = error: { $message }
clierr-more = For more information, try '--help'.
clierr-unknown-argument = unknown argument '{ $arg }'
clierr-unknown-command = unknown command '{ $command }'
clierr-missing-argument = a required argument was not given: { $arg }
clierr-invalid-value = invalid value '{ $value }' for '{ $arg }': { $reason }
clierr-conflict = '{ $arg }' cannot be used with '{ $other }'
clierr-value-form = wrong number or form of values for '{ $arg }'
clierr-window = cannot open the window: { $reason }
clierr-no-window = pantau was built without the window (feature `gui`); see `pantau --help` for the commands.

## Command line messages
cli-progress = { $articles } articles
cli-progress-file = { $articles } articles; { $percent }% of { $path }
cli-retag-bar = {"{"}bar:30{"}"} {"{"}pos{"}"}/{"{"}len{"}"} articles [{"{"}elapsed{"}"}, {"{"}eta{"}"} left]
cli-retag-summary = { $articles } articles re-tagged, { $mentions } mentions, { $datelines } datelines placed anew; dictionary { $dictionary }; { $seconds } s
cli-stats-articles = articles     { $count }
cli-stats-mentions = mentions     { $count }
cli-stats-actors = actors seen  { $count }
cli-stats-undated = undated      { $count }
cli-stats-duplicates = duplicates   { $count }
cli-stats-language = language { $language } { $count }
cli-stats-failed = failed files { $count }
cli-stats-job = re-tag running: { $job }
cli-rows-written = { $count } rows written to { $path }
cli-dict-exported = { $actors } actors, { $aliases } aliases written to { $path }
cli-dict-imported = { $actors } actors and { $aliases } aliases added, { $unchanged } already present; run `pantau retag` to apply it to the stored articles
cli-dict-actor-added = actor { $code } added; add aliases with `pantau dictionary add-alias`
cli-dict-alias-added = alias { $id } added; run `pantau retag` to apply it to the stored articles
cli-dict-alias-disabled = alias disabled; run `pantau retag` to apply it to the stored articles
cli-dict-alias-enabled = alias enabled; run `pantau retag` to apply it to the stored articles
cli-dict-exclusion-added = exclusion { $id } added; run `pantau retag` to apply it to the stored articles
cli-dict-alias-deleted = alias { $id } deleted; run `pantau retag` to apply it to the stored articles
cli-dict-exclusion-deleted = exclusion { $id } deleted; run `pantau retag` to apply it to the stored articles
clierr-no-database = no database at { $path }
clierr-preparing-dictionary = preparing the dictionary
clierr-importing = importing into { $path }
clierr-retagging = re-tagging { $path }
clierr-indexing = updating the full-text index
clierr-creating = creating { $path }
clierr-opening = opening { $path }
clierr-writing = writing { $path }
clierr-unknown-value = unknown { $what } { $value } ({ $known })
clierr-must-be = { $what } must be one of { $known }, not { $value }
clierr-article-or-phrase = give --article or --phrase

## Why a file was not imported (said by the importers, read in the window and the CLI)
reason-io = cannot read the file: { $detail }
reason-directory = is a directory
reason-cancelled = cancelled after { $done } of { $total } records
reason-cancelled-read = cancelled after { $done } of { $total } records had been read; nothing of this file was stored
reason-too-deep = elements nested { $depth } levels deep (the limit is { $limit })
reason-internal = internal error while reading this file: { $detail }
reason-empty = the file is empty
reason-binary = binary data, not text ({ $detail })
reason-too-large = too large: { $size } bytes, the limit is { $limit } bytes
reason-not-an-article = a .{ $ext } file is not an article (source code, configuration or data of a program)
reason-unknown-format = not a supported format (text, HTML, RSS/Atom/JSON feed, JSON, JSONL, CSV/TSV, XLSX/XLS/ODS, DOCX, ODT, RTF, PDF, EML, MBOX, MHTML, WARC, Nexis and Factiva exports, ZIP/tar/gzip/bzip2/xz/zstd)
reason-parse = broken { $format }: { $detail }
reason-no-articles = no articles found in this { $format } file{ $detail }
reason-link-loop = symbolic link loop: skipped

## Stored values shown in the window
value-any-language = any
value-via-name = name
value-via-short = short form
value-via-demonym = demonym
value-via-place = place
value-case-exact = exact
value-case-fold = any case
value-date-metadata = metadata
value-date-text = text
value-date-url = URL
value-date-filename = file name
value-date-user = set by you
value-date-capture = capture date
value-date-none = no date

## Help of every command and option (same text as the doc comments in src/cli)
clihelp-arg--actor = Actor code
clihelp-arg--actors = Actor codes, comma-separated
clihelp-arg--alias = The alias text (for --article; empty = every alias of the actor)
clihelp-arg--article = Only in this article (id)
clihelp-arg--bin = Bin width: day, week, month or year
clihelp-arg--case = exact | fold (default: exact for short all-capital aliases, else fold)
clihelp-arg--code = Code (e.g. JAD)
clihelp-arg--count = Count `articles` (every stored article) or `stories` (near-duplicate copies grouped: each story once, by its first article)
clihelp-arg--country = Home country code
clihelp-arg--db = Database: a file (default: pantau.db in the user's data folder) or postgres://user@host/dbname
clihelp-arg--excel = Start with a UTF-8 byte-order mark so Excel reads the file as UTF-8
clihelp-arg--fields = Read an article field from this record field or column, before the usual names: `--field text=body_html --field date=meta.published` (title, text, date, url, source, id, language, byline, editor, section; a dotted name looks inside objects)
clihelp-arg--file = The CSV file (columns code, kind, type, name, alias, language, case_rule, via)
clihelp-arg--files = Files to tag
clihelp-arg--from = First day (YYYY-MM-DD), inclusive; undated articles are left out when set
clihelp-arg--id = Exclusion id
clihelp-arg--json = Print JSON instead of text
clihelp-arg--kind = Actor kind to keep: country or organization
clihelp-arg--language = Languages to keep (id, en, other), comma-separated
clihelp-arg--limit = Print at most this many
clihelp-arg--max_file_mb = Refuse files larger than this many megabytes
clihelp-arg--min_count = Only names found in at least this many articles
clihelp-arg--min_support = Fewest units with both actors for a pair to be kept
clihelp-arg--name = Display name in English
clihelp-arg--name_id = Display name in Indonesian
clihelp-arg--no_places = Do not count capitals and major cities (saved as the database's setting)
clihelp-arg--org_type = Organization type (armed_group, government_body, ...)
clihelp-arg--out = Output file; `-` for standard output
clihelp-arg--paths = Files and folders to import (folders recursively)
clihelp-arg--phrase = Wherever this phrase holding the alias stands ("Jordan Henderson")
clihelp-arg--places = Count capitals and major cities for their country (saved as the database's setting)
clihelp-arg--prominence = Count only where an actor is named in the `headline`, in the headline or the `lead` (first paragraph), or `any` where
clihelp-arg--query = Full-text query (SQLite FTS5 syntax) over title and text
clihelp-arg--source = Outlets to keep, comma-separated
clihelp-arg--text = The alias text
clihelp-arg--threads = Worker threads (0 = one per core)
clihelp-arg--to = Last day (YYYY-MM-DD), inclusive
clihelp-arg--top = Keep only the N pairs with most units in common
clihelp-arg--via = name | short | demonym | place
clihelp-arg--window = The unit two actors must share: article, paragraph or sentence
clihelp-candidates = List frequent names and acronyms that no actor covers
clihelp-dictionary = Edit, export and import the dictionary of a database
clihelp-dictionary-add-actor = Add an actor
clihelp-dictionary-add-actor--kind = country | organization
clihelp-dictionary-add-alias = Add an alias to an actor
clihelp-dictionary-add-alias--language = any | id | en
clihelp-dictionary-delete-alias = Delete one of the user's aliases by id (see `list`)
clihelp-dictionary-delete-alias--id = Alias id
clihelp-dictionary-delete-exclusion = Delete an exclusion by id (see `list`)
clihelp-dictionary-disable-alias = Disable an alias (built-in or the user's)
clihelp-dictionary-disable-alias--language = any | id | en
clihelp-dictionary-enable-alias = Enable a disabled alias
clihelp-dictionary-enable-alias--language = any | id | en
clihelp-dictionary-exclude = Say that an alias is not an actor in one article or inside a phrase
clihelp-dictionary-export = Write the effective dictionary (built-in plus the database's edits) as CSV
clihelp-dictionary-export--out = The CSV file to write
clihelp-dictionary-import = Add the actors and aliases of a dictionary CSV that the database lacks
clihelp-dictionary-list = List the user's actors, the user's and disabled aliases, and the exclusions
clihelp-export = Export tagged data, timelines and co-occurrence as CSV, the actor network as GEXF
clihelp-export-articles = One row per article
clihelp-export-cooccurrence = Co-occurrence: one row per pair of actors
clihelp-export-mentions = One row per mention
clihelp-export-network = The actor network as GEXF 1.3 (for Gephi)
clihelp-export-timeline = Timeline: one row per bin and actor
clihelp-import = Import article files and folders into the database
clihelp-import--places = Count capitals and major cities for their country (via = place; saved as the database's setting, used when neither flag is given)
clihelp-pantau = Media-monitoring dashboard: import news articles, tag countries and organizations, chart timelines and co-occurrence
clihelp-retag = Re-tag every stored article with the dictionary and the user's edits
clihelp-stats = Print what the database holds
clihelp-tag = Print the mentions found in files, without a database
clihelp-tag--places = Count capitals and major cities for their country (via = place)
clierr-did-you-mean = did you mean: { $like }?
clierr-xlsx-stdout = an XLSX workbook cannot go to standard output: give a file with --out
clihelp-arg--a_from = Side A's first day (YYYY-MM-DD)
clihelp-arg--a_language = Side A's languages (id, en, other), comma-separated
clihelp-arg--a_source = Side A's outlets, comma-separated
clihelp-arg--a_to = Side A's last day
clihelp-arg--b_from = Side B's first day
clihelp-arg--b_language = Side B's languages, comma-separated
clihelp-arg--b_source = Side B's outlets, comma-separated
clihelp-arg--b_to = Side B's last day
clihelp-arg--format = csv or xlsx (default: xlsx for a .xlsx file, else csv). A CSV file gets its provenance beside it in FILE.csv.json; a workbook has it as a sheet
clihelp-arg--pairs = Write the pairs of actors that appeared and vanished instead of the actors
clihelp-export-compare = Two periods, outlets or languages compared: actors that rose and fell (G², p-value, log ratio), or with --pairs the pairs that appeared and vanished
clihelp-export-outlets = Outlets × actors: the articles of each outlet that mention each actor, and their share

## Compare and Outlets tabs
tab-compare = Compare
tab-outlets = Outlets
menu-export-outlets = Outlets × actors (CSV or XLSX)…
menu-export-compare = Comparison (CSV or XLSX)…
dialog-filter-xlsx = Excel workbook
toolbar-export-table = Export…
common-decimal = { $x }
common-percent = { $x }%
articles-drill-outlet-actor = Articles of { $source } mentioning { $actor }
outlets-sources-shown = Outlets:
outlets-actors-shown = Actors:
outlets-colour-by = Colour by:
outlets-by-share = share of the outlet's articles
outlets-by-articles = articles
outlets-empty = No article passes the filter.
outlets-more = { $sources ->
        [0] { $actors } more actors are not shown
       *[other] { $sources } more outlets and { $actors } more actors are not shown
    } (the export has them all).
outlets-cell-hint = { $source } · { $actor }: { $articles } of { $total } articles ({ $share }%). Click to read them.
compare-by = Compare:
compare-by-periods = two periods
compare-by-outlets = two outlets
compare-by-languages = two languages
compare-significant = Only significant changes
compare-significant-hint = Only actors whose change has p < 0.05 (log-likelihood G², one degree of freedom)
compare-side = Side { $side }:
compare-pick-outlet = pick an outlet
compare-pick-language = pick a language
compare-summary = Side A: { $a } articles, side B: { $b } articles; { $actors } actors, the most changed first.
compare-empty-side = One side has no article: set its dates, outlet or language.
compare-appeared = Pairs that appeared ({ $count })
compare-vanished = Pairs that vanished ({ $count })
compare-more-pairs = and { $count } more (the export has them all)
compare-chart = log ratio
compare-axis-log-ratio = log₂ of B's share over A's (right: rose, left: fell)
compare-bar-hint = { $actor }: log ratio { $ratio }
compare-col-actor = Actor
compare-col-a = A articles
compare-col-a-share = A share
compare-col-b = B articles
compare-col-b-share = B share
compare-col-change = Change
compare-col-log-ratio = Log ratio
compare-col-llr = G²
compare-col-p = p
compare-actor-hint = Read the articles that mention it
compare-p-tiny = < 0.001
clierr-unknown-actor = no actor has the code { $code } (see `pantau dictionary list` or the window's actors)
clihelp-arg--max_context_articles = Most of its articles read (taken evenly; the provenance says how many were read)
clihelp-arg--max_reference_articles = Most other articles read for the reference
clihelp-export-profile = How an actor is framed: the words over-represented in the sentences that mention it, against the rest of the corpus (log-likelihood keyness)
clihelp-export-profile--min_count = Fewest occurrences in its sentences for a word to be kept

## Profile tab
tab-profile = Profile
menu-export-profile = Actor profile's words (CSV or XLSX)…
profile-actor = Actor:
profile-actor-hint = code, name or alias
profile-outlet = Outlet:
profile-next-to = next to:
profile-every-outlet = every outlet
profile-no-outlet = none
profile-pick = Type an actor, or plot one in the list on the left.
profile-unknown = No actor has this code or name.
profile-summary = Named in { $articles } of { $units } articles.
profile-co-actors = Named with it (articles)
profile-outlets = Outlets that cover it
profile-outlet-line = { $source }: { $articles } ({ $share }% of its articles)
profile-words = Words of the sentences that name it
profile-words-of = Words of { $source }'s sentences that name it
profile-read = from { $read } of its { $articles } articles, against { $others_read } of { $others } other articles (taken evenly)
profile-no-words = No word stands out (each must occur at least 3 times in its sentences).
profile-col-word = Word
profile-col-here = Here
profile-col-elsewhere = Elsewhere
profile-more-words = and { $count } more (the export has them all)

## Charts
chart-timeline-title = Articles per { $bin }
chart-timeline-share-title = Share of the articles per { $bin }
chart-axis-bin = First day of the bin
chart-axis-actors = Actors
chart-axis-outlets = Outlets (articles)
chart-outlets-title = Outlets × actors: share of each outlet's articles
chart-outlets-articles-title = Outlets × actors: articles
chart-compare-title = Actors that rose and fell between side A and side B
cli-chart-written = chart written to { $path }
clierr-chart-stdout = a chart cannot go to standard output: give a .svg or .png file with --out
clihelp-arg--actors_shown = Actors shown (those with most articles in those outlets)
clihelp-arg--by_articles = Shade by articles instead of by the share of the outlet's articles
clihelp-arg--height = Height in pixels
clihelp-arg--share = Plot each actor's share of the bin's articles instead of its articles
clihelp-arg--sources_shown = Outlets shown (those with most articles)
clihelp-arg--width = Width in pixels
clihelp-export-chart = A chart for a report as SVG or PNG (by the file's extension), with its title, legend, axis labels and source line
clihelp-export-chart-compare = The most changed actors between two sides as diverging bars
clihelp-export-chart-outlets = Outlets × actors as a heat map
clihelp-export-chart-timeline = The timeline of some actors (--actors; none = the 10 with most articles)
toolbar-save-chart = Save chart…
notice-chart-saved = Chart saved to { $path }.

## Saved views
menu-save-view = Save view…
menu-saved-views = Saved views
menu-import-view = Import a view…
views-none = No saved view yet.
views-open-hint = Open this view (saved { $saved })
views-export = Export…
views-export-hint = Write this view to a file to share
views-delete = Delete this view
views-save-title = Save view
connect-title = Connect to server
connect-explain = A team's pantau database on PostgreSQL. Everyone connected sees the same articles and dictionary.
connect-address = Address
connect-recent = Recent:
connect-password = Password
connect-password-hint = empty: from PGPASSWORD or ~/.pgpass
connect-connect = Connect
connect-connecting = connecting…
views-name = Name:
views-name-hint = e.g. Russia and Türkiye, 2020
views-save = Save
dialog-export-view = Export view
dialog-import-view = Import a view
dialog-filter-view = pantau view
notice-view-saved = View "{ $name }" saved.
notice-view-opened = View "{ $name }" opened.
notice-view-missing = There is no saved view "{ $name }".
notice-view-deleted = View "{ $name }" deleted.
notice-view-exported = View "{ $name }" written to { $path }.
notice-view-imported = View "{ $name }" imported and opened.
clihelp-arg--max_nodes = With --bin: the actors with most articles kept as nodes
clihelp-export-network--bin = Write a dynamic network with one time spell per bin (day, week, month, year), which Gephi's timeline plays

## Network tab
tab-network = Network
network-nodes = Nodes:
network-edges-by = Edges by:
network-export-gexf = Export GEXF…
network-time = Time:
network-whole-period = the whole period
network-bin-of = { $bin } of { $start }
network-empty = No pair of actors passes the filter and the minimum support.
network-summary = { $nodes } actors, { $edges } pairs; { $left } more actors are left out (raise Nodes to see them). Drag to pan, scroll with Ctrl to zoom; click an actor to plot it, a line to read its articles.
network-node-hint = { $actor }: { $articles } articles. Click to plot it.
network-edge-hint = { $a } + { $b }: { $measure } { $value }. Click to read the articles.
chart-network-title = The actor network: actors named together
chart-network-bin-title = The actor network in the { $bin } of { $start }
clihelp-export-chart-network = The actor network as laid out
clihelp-export-chart-network--max_nodes = The actors with most articles kept as nodes
articles-drill-within = { $what } (counted in: { $within })
compare-side-hint = Read this side's articles that mention it
compare-overlap = The two sides share articles (overlapping periods, or the same outlet or language): G² and p assume two separate sets.
compare-pick-both = Pick an outlet or a language for each side.
cli-compare-overlap = warning: the two sides share articles (their dates, outlets and languages meet); G² and p assume two separate sets — give --a-from/--a-to and --b-from/--b-to, or --a-source/--b-source, or --a-language/--b-language
views-replaces = A saved view has this name: saving replaces it.
chart-source = Source: pantau { $version } · { $database } ({ $articles } articles) · { $filter } · counting { $counting } · { $date }
chart-no-filter = no filter
chart-counting-articles = articles
chart-counting-stories = stories
chart-legend-rose = rose (B over A)
chart-legend-fell = fell
clierr-network-xlsx = the network is a graph (GEXF), not a table: give a .gexf file
clierr-network-top-bin = --top keeps pairs of one network; with --bin use --max-nodes
notice-view-not-a-view = { $path } is not a pantau view: { $detail }
notice-view-too-new = { $path } was written by a newer pantau (view version { $found }; this one reads { $known })
notice-view-no-name = { $path }: the view has no name
profile-or-period = or the period:
profile-words-in = Words of the sentences that name it, { $period }
clihelp-copy = Copy a whole corpus between a database file and a PostgreSQL server
clihelp-copy--from = The database to copy: a file, or postgres://user@host/dbname
clihelp-copy--to = Where to copy it: a new file, or an empty database on a server
cli-password-prompt = Password of { $user } at { $host }:{" "}
cli-copy-bar = {"{"}spinner{"}"} copying {"{"}msg{"}"}: {"{"}pos{"}"} rows [{"{"}elapsed{"}"}]
cli-copy-summary = copied { $from } to { $to }: { $articles } articles, { $mentions } mentions; every table's rows counted on both sides agree ({ $seconds } s)
clierr-copy-sides = one side of pantau copy must be a database file and the other a postgres:// address
