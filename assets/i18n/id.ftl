# Jendela pantau dalam bahasa Indonesia. Setiap pesan di sini punya kembarannya di en.ftl
# dengan placeable yang sama (diperiksa oleh sebuah tes). Nama produk, kode dan nama format
# tidak diterjemahkan.

## Menu
menu-file = Berkas
menu-new-database = Basis data baru…
menu-connect-server = Sambungkan ke server…
menu-open-database = Buka basis data…
menu-import-files = Impor berkas…
menu-import-folder = Impor folder…
menu-import-options = Opsi impor…
menu-import-options-hint = dari bidang rekaman atau kolom mana bidang-bidang artikel dibaca
menu-export = Ekspor
menu-export-mentions = Sebutan (CSV)…
menu-export-articles = Artikel (CSV)…
menu-export-timeline = Linimasa (CSV)…
menu-export-cooccurrence = Kemunculan bersama (CSV)…
menu-export-network = Jaringan (GEXF)…
menu-quit = Keluar
menu-view = Tampilan
menu-actors-panel = Panel aktor
menu-dark-theme = Tema gelap
menu-language = Bahasa
menu-database = Basis data: { $path }

## Tab
tab-timeline = Linimasa
tab-cooccurrence = Kemunculan bersama
tab-articles = Artikel
tab-dictionary = Kamus

## Bilah status, kemajuan dan laporan impor
status-import-counts = { $articles } artikel, { $mentions } sebutan — { $current }
common-cancelling = Membatalkan…
common-cancel = Batal
common-dismiss = Tutup
import-failed = Impor gagal: { $error }
import-report-summary = Laporan impor: { $failed } berkas gagal, { $warned } berkas dengan peringatan{ $cancelled ->
        [yes] ; dibatalkan: { $skipped } berkas tidak diimpor
       *[no] {""}
    }
import-report-failed = gagal: { $path } — { $reason }
import-report-not-imported = tidak diimpor: { $path } — { $reason }
import-report-warning = peringatan: { $path } — { $reason }
import-report-read-text = Baca teks dari bidang itu…
import-report-read-text-hint = buka opsi impor dengan text ← { $field }; setelah itu impor ulang berkasnya
status-import-options = Opsi impor: { $mapping }
status-import-options-change = Ubah…
status-drop-hint = Seret berkas atau folder ke sini untuk mengimpornya.
import-phase-preparing = Menyiapkan kamus…
import-phase-scanning = Mendata berkas…
import-phase-importing-records = { $done } / { $total } berkas · { $percent }% dari berkas ini
import-phase-importing = { $done } / { $total } berkas
notice-import-summary = Impor { $state ->
        [cancelled] dibatalkan
       *[finished] selesai
    }: { $added } artikel ditambahkan, { $duplicates } duplikat, { $failed } berkas gagal.

## Kerangka dan pemberitahuan
shell-show-actors = Aktor »
shell-show-actors-hint = tampilkan panel aktor
notice-retag-summary = Penandaan ulang { $state ->
        [cancelled] dibatalkan
       *[finished] selesai
    }: { $articles } artikel, { $mentions } sebutan, { $datelines } dateline ditempatkan ulang dalam { $seconds } detik.
notice-retag-failed = Penandaan ulang gagal: { $error }
notice-language = Jendela berbahasa Indonesia.
notice-sample-unpack-failed = Sampel tidak dapat diekstrak: { $error }
notice-sample-importing = Mengimpor korpus sampel bawaan…
notice-search-index-failed = Indeks pencarian tidak dapat diperbarui: { $error }
notice-search-index-updated = Indeks pencarian diperbarui: { $count } artikel.
notice-places-read-failed = Pengaturan tempat tidak dapat dibaca: { $error }

## Bilah alat (linimasa dan kemunculan bersama)
toolbar-bin = Interval:
toolbar-bin-day = Hari
toolbar-bin-week = Minggu
toolbar-bin-month = Bulan
toolbar-bin-year = Tahun
toolbar-show-count = Jumlah artikel
toolbar-show-share = Persentase artikel
toolbar-moving-average = Rata-rata bergerak:
toolbar-moving-average-hint = rata-rata dari sejumlah interval ini untuk menghaluskan garis (1 = mati)
toolbar-moving-average-suffix = interval
toolbar-export-csv = Ekspor CSV…
toolbar-from = Dari
toolbar-to = Sampai
toolbar-count-stories = Hitung per berita
toolbar-count-stories-hint = Hitung setiap berita satu kali (salinan artikel yang hampir sama dikelompokkan dan dihitung dari yang pertama), bukan setiap artikel
toolbar-named-in = Disebut di:
toolbar-named-in-hint = Hitung aktor dalam artikel hanya bila disebut di bagian tertentu: di mana saja, di judul atau teras berita (paragraf pertama), atau di judul (pokok artikel)
toolbar-named-in-anywhere = di mana saja
toolbar-named-in-lead = teras berita
toolbar-named-in-headline = judul
toolbar-count-places = Hitung tempat
toolbar-count-places-hint = Hitung tempat yang disebut artikel untuk negaranya: "Bekasi", "Jawa Barat" untuk Indonesia, "Texas" untuk Amerika Serikat (kota dan wilayah tingkat pertama di setiap negara). Mengubahnya akan menandai ulang korpus.
toolbar-window = Bersama dalam satu:
toolbar-window-article = Artikel
toolbar-window-paragraph = Paragraf
toolbar-window-sentence = Kalimat
toolbar-min-support = Dukungan minimum:
toolbar-min-support-hint = pasangan dengan unit bersama yang lebih sedikit dari angka ini tidak ditampilkan
toolbar-only-plotted = Hanya aktor di grafik

## Linimasa
timeline-empty-no-actors = Centang aktor di daftar sebelah kiri untuk menampilkannya di grafik.
timeline-empty-no-data = Belum ada artikel bertanggal: impor lewat Berkas > Impor, atau seret berkas ke sini.
timeline-undated-notice = { $count } artikel dari aktor-aktor ini tidak bertanggal sehingga tidak ditampilkan di grafik (centang '{ articles-undated-only }' di tab { tab-articles } untuk memberinya tanggal).
timeline-axis-share = % artikel
timeline-axis-count = artikel
timeline-spikes-heading = Lonjakan ({ $count }) — klik salah satu untuk melihat artikelnya dan membaca yang teratas:
timeline-hover-share = { $value }% artikel
timeline-hover-count = { $value } artikel
timeline-spike-row = { $bin } { $actor } — { $percent }% artikel (z = { $z }): { $title }

## Kemunculan bersama
cooc-matrix-heading = Matriks aktor di grafik (unit yang memuat keduanya)
cooc-pairs-summary = { $shown } dari { $total } pasangan dengan sedikitnya { $min } { $unit ->
        [article] artikel
        [paragraph] paragraf
       *[sentence] kalimat
    } yang memuat keduanya — klik pasangan untuk membaca artikelnya
cooc-col-pair = Pasangan
cooc-col-pair-hint = kedua aktor
cooc-pair-link-hint = baca artikel yang memuat keduanya

## Panel aktor
actors-heading = Aktor
actors-search-hint = Cari: kode, nama atau alias
actors-all = Semua
actors-countries = Negara
actors-organizations = Organisasi
actors-plotted = { $count } di grafik
actors-clear = Kosongkan
actors-empty = Belum ada aktor yang disebut. Impor artikel lewat Berkas > Impor.
actors-row-counts = { $articles } art · { $mentions } s
actors-row-counts-hint = artikel · sebutan

## Artikel
articles-show-all = Tampilkan semua artikel
articles-click-to-read = Klik artikel untuk membacanya.
articles-drill-actor = Artikel yang menyebut { $actor }
articles-drill-actor-bin = Artikel yang menyebut { $actor } pada { $bin } mulai { $start }
articles-drill-pair = Artikel tempat { $a } dan { $b } muncul dalam { $window } yang sama
articles-search = Cari:
articles-search-hint = kata, "sebuah frasa", title:opec, a OR b
articles-actor = Aktor:
articles-actor-hint = kode, nama atau alias
articles-language = Bahasa:
articles-language-id = Indonesia
articles-language-en = Inggris
articles-language-other = lainnya
articles-source = Sumber:
articles-source-hint = media
articles-undated-only = Hanya tanpa tanggal
articles-search-error = Pencarian: { $error }.
articles-page = { $from }–{ $to } dari { $total }
articles-prev = < Sebelumnya
articles-next = Berikutnya >
articles-ticked = { $count } dicentang — tanggal:
articles-set-date = Tetapkan tanggal
articles-tick-hint = centang untuk menetapkan tanggal
articles-from-place = dari { $place }
articles-copies = { $count } salinan lain dari beritanya
common-all = semua
common-undated = tanpa tanggal
common-untitled = (tanpa judul)

## Pembaca
reader-no-source = tanpa sumber
reader-reported-from = dilaporkan dari { $place }
reader-link = tautan
reader-by = oleh { $names }
reader-editor = penyunting { $name }
reader-section = rubrik { $name }
reader-stated-words = { $count } kata (menurut sumber)
reader-cut = Layanan yang mengekspor artikel ini memotong teksnya: { $count } karakter hilang.
reader-title-only = Hanya judul: berkas tidak memberi teks untuk artikel ini (daftar tautan).
reader-copies = Salinan lain dari berita ini: { $total }
reader-copies-listed = Salinan lain dari berita ini: { $total } ({ $listed } ditampilkan)
reader-near-duplicate-hint = hampir sama #{ $id }, dari { $path }
reader-exact-copy = salinan persis di { $path }
reader-list-mentioning = tampilkan artikel yang menyebutnya
reader-kwic = Kata kunci dalam konteks
reader-not-here = bukan di sini
reader-not-here-hint = "{ $alias }" bukan { $actor } dalam artikel ini (berlaku pada penandaan ulang berikutnya)

## Kamus
dict-actors = Aktor
dict-candidates = Kandidat nama
dict-job-progress = { $done } / { $total } artikel
dict-retag = Tandai ulang korpus
dict-retag-hint = Cari lagi sebutan di setiap artikel dengan kamus yang sudah diubah.
dict-count-places = Hitung tempat untuk negaranya
dict-count-places-hint = "Moskow", "Bekasi", "Jawa Barat", "Texas" dihitung untuk negaranya. Mengubahnya akan menandai ulang korpus.
dict-actors-shown = { $shown } dari { $total } aktor — klik salah satu untuk mengubah aliasnya
dict-edit-aliases-hint = ubah aliasnya
dict-articles = artikel
dict-more = … { $count } lagi: persempit pencarian.
dict-select-actor = Pilih aktor untuk mengubah aliasnya.
dict-aliases-of = Alias { $actor }
dict-no-aliases = Belum ada alias tersimpan (impor atau tandai ulang sekali untuk memuat kamus).
dict-usage-intro = Total { $count } sebutan; per alias: sebutannya, artikelnya dan porsinya dari sebutan aktor (arahkan kursor ke alias untuk melihat konteksnya). Hapus centang alias yang menghitung hal yang salah, lalu tandai ulang.
dict-usage-unknown = { $count } sebutan tersimpan sebelum pantau mencatat ejaannya: tandai ulang untuk menghitungnya per alias.
dict-origin-user = pengguna
dict-origin-builtin = bawaan
dict-enabled-hint = Dipakai penanda (berlaku pada penandaan ulang berikutnya)
dict-delete-alias-hint = Hapus alias buatan Anda ini (berlaku pada penandaan ulang berikutnya)
dict-col-alias = Alias
dict-col-name = Nama
dict-col-mentions = Sebutan
dict-col-articles = Artikel
dict-col-share = Porsi
dict-col-language = Bahasa
dict-col-case = Huruf
dict-col-via = Jenis
dict-col-origin = Asal
dict-col-enabled = Aktif
dict-other-names = Dihitung dari nama yang tidak ada di daftar alias: tempat dari gazetir (bila tempat dihitung), atau alias yang dinonaktifkan atau dihapus sebelum penandaan ulang.
dict-do-not-count = Jangan hitung
dict-do-not-count-hint = Nama ini tidak lagi dihitung untuk aktor ini pada penandaan ulang berikutnya
dict-add-alias = Tambah alias
dict-alias-text-hint = teks alias
dict-add = Tambah
dict-add-exclusion = Tambah pengecualian
dict-this-alias = alias ini
dict-is-not-in-phrase = bukan { $actor } dalam frasa
dict-exclusions = Pengecualian ({ $count })
dict-any-alias = alias apa pun
dict-exclusion-phrase = { $alias } bukan { $actor } dalam frasa { $phrase }
dict-exclusion-article = { $alias } bukan { $actor } dalam artikel { $id }
common-delete = Hapus

## Kandidat nama
cand-at-least = Dalam sedikitnya
cand-articles = artikel
cand-find = Cari kandidat
cand-find-hint = Membaca setiap artikel di latar belakang.
cand-new-actor-for = Aktor baru untuk { $text }
cand-code = Kode
cand-kind = Jenis
cand-type = Tipe
kind-organization = organisasi
kind-country = negara
cand-add-actor = Tambah aktor
cand-add-actor-hint = Menambahkan aktor dengan kandidat ini sebagai aliasnya; tandai ulang untuk menghitungnya.
cand-close = Tutup
cand-list-heading = { $count } kandidat, yang paling sering lebih dulu — arahkan kursor untuk contoh konteks
cand-col-candidate = Kandidat
cand-col-occurrences = Kemunculan
cand-kind-name = nama
cand-kind-acronym = singkatan
cand-added = ditambahkan
cand-alias-of = alias dari { $actor }
cand-alias-of-hint = Tambahkan sebagai alias aktor yang dipilih
cand-new-actor = aktor baru…

## Dialog dan pemberitahuan
dialog-new-database = Basis data baru
dialog-open-database = Buka basis data
dialog-filter-database = basis data pantau
dialog-import = Impor
dialog-export = Ekspor
notice-new-database = Basis data baru { $path }.
notice-not-opened = Tidak dibuka: { $error }
notice-opened = Membuka { $path }.
notice-connected = Tersambung ke { $address } sebagai { $role }.
notice-connected-read-only = Tersambung ke { $address } sebagai { $role }, yang boleh menjelajah, mencari, dan mengekspor, tetapi tidak mengimpor atau menyunting.
notice-dated = { $count } artikel diberi tanggal { $date }.
notice-alias-added = Alias { $alias } ditambahkan ke { $actor }; tandai ulang untuk menghitungnya.
notice-alias-enabled = Alias { $alias } dari { $actor } { $state ->
        [on] diaktifkan
       *[off] dinonaktifkan
    }; tandai ulang untuk menerapkannya.
notice-place-disabled = { $name } tidak lagi dihitung untuk { $actor }; tandai ulang untuk menerapkannya.
notice-alias-deleted = Alias { $alias } dihapus; tandai ulang untuk menerapkannya.
notice-places = Tempat { $state ->
        [on] dihitung
       *[off] tidak dihitung
    } untuk negaranya: menandai ulang korpus.
notice-exclusion-phrase = { $alias } bukan { $actor } dalam { $phrase }; tandai ulang untuk menerapkannya.
notice-exclusion-article = { $alias } bukan { $actor } dalam artikel { $id }; tandai ulang untuk menerapkannya.
notice-exclusion-deleted = Pengecualian dihapus; tandai ulang untuk menerapkannya.
notice-actor-added = Aktor { $actor } ditambahkan dengan alias { $alias }; tandai ulang untuk menghitungnya.
notice-busy-wait = Tunggu hingga impor atau penandaan ulang yang sedang berjalan selesai.
notice-busy-running = Impor atau penandaan ulang sedang berjalan.
import-label-many = { $count } berkas dan folder
notice-import-options-invalid = Opsi impor: { $error }; tidak diimpor.
notice-import-options-cleared = Opsi impor: bidang dibaca dengan nama bakunya.
notice-import-options-set = Opsi impor: impor berikutnya membaca { $mapping }.

## Opsi impor dan ekspor
impopt-title = Opsi impor
impopt-intro = Baca bidang artikel dari bidang rekaman atau kolom berkas Anda (JSON, JSONL, CSV, lembar kerja), sebelum nama-nama bakunya. Nama bertitik melihat ke dalam objek: source.name.
impopt-from-field = dari bidang rekaman
impopt-field-hint = mis. body_html
impopt-remove = Hapus
impopt-add-field = Tambah bidang
impopt-apply = Terapkan
notice-export-timeline-empty = Belum ada yang bisa diekspor: linimasa kosong.
notice-export-empty = Belum ada yang bisa diekspor.
notice-exported = { $count } baris diekspor ke { $path }.

## Lainnya
cooc-col-both = Keduanya
cooc-col-both-hint = unit (artikel, paragraf, atau kalimat) yang menyebut keduanya
cooc-col-jaccard-hint = unit yang memuat keduanya / unit yang memuat salah satunya (0 sampai 1)
cooc-col-npmi-hint = informasi mutual titik demi titik ternormalisasi (-1 sampai 1; 0 = saling bebas)
cooc-col-llr-hint = log-likelihood G² Dunning (di atas 10,8: p < 0,001)
actors-no-match = Tidak ada dari { $count } aktor yang disebut yang cocok dengan { $search }.
timeline-spike = lonjakan

## Baris perintah
cli-import-summary = { $files } berkas dibaca, { $failed } gagal; { $added } artikel ditambahkan, { $duplicates } duplikat, { $undated } tanpa tanggal; { $mentions } sebutan; { $seconds } detik
cli-warning = peringatan: { $path }: { $reason }
cli-failed = gagal: { $path }: { $reason }
cli-not-imported = tidak diimpor: { $path }: { $reason }
cli-not-started = tidak diimpor: { $count } berkas (dibatalkan)
orgtype-intergovernmental = antarpemerintah
orgtype-government-body = lembaga pemerintah
orgtype-military = militer
orgtype-armed-group = kelompok bersenjata
orgtype-political-party = partai politik
orgtype-ngo = LSM
orgtype-media = media
orgtype-company = perusahaan
orgtype-coalition = koalisi

## Bantuan baris perintah dan galat penguraian.
clihelp-usage = Penggunaan:
clihelp-heading-commands = Perintah
clihelp-heading-options = Opsi
clihelp-heading-arguments = Argumen
clihelp-default = [bawaan: { $value }]
clihelp-flag-help = Tampilkan bantuan
clihelp-flag-version = Tampilkan versi
clierr-prefix = galat: { $message }
clierr-more = Untuk keterangan lebih lanjut, coba '--help'.
clierr-unknown-argument = argumen '{ $arg }' tidak dikenal
clierr-unknown-command = perintah '{ $command }' tidak dikenal
clierr-missing-argument = argumen wajib tidak diberikan: { $arg }
clierr-invalid-value = nilai '{ $value }' tidak berlaku untuk '{ $arg }': { $reason }
clierr-conflict = '{ $arg }' tidak bisa dipakai bersama '{ $other }'
clierr-value-form = jumlah atau bentuk nilai untuk '{ $arg }' salah
clierr-window = jendela tidak dapat dibuka: { $reason }
clierr-no-window = pantau dibangun tanpa jendela (fitur `gui`); lihat `pantau --help` untuk daftar perintah.

## Pesan baris perintah
cli-progress = { $articles } artikel
cli-progress-file = { $articles } artikel; { $percent }% dari { $path }
cli-retag-bar = {"{"}bar:30{"}"} {"{"}pos{"}"}/{"{"}len{"}"} artikel [{"{"}elapsed{"}"}, sisa {"{"}eta{"}"}]
cli-retag-summary = { $articles } artikel ditandai ulang, { $mentions } penyebutan, { $datelines } dateline ditempatkan ulang; kamus { $dictionary }; { $seconds } dtk
cli-stats-articles = artikel          { $count }
cli-stats-mentions = penyebutan       { $count }
cli-stats-actors = aktor disebut    { $count }
cli-stats-undated = tanpa tanggal    { $count }
cli-stats-duplicates = duplikat         { $count }
cli-stats-language = bahasa { $language } { $count }
cli-stats-failed = berkas gagal     { $count }
cli-stats-job = penandaan ulang berjalan: { $job }
cli-rows-written = { $count } baris ditulis ke { $path }
cli-dict-exported = { $actors } aktor, { $aliases } alias ditulis ke { $path }
cli-dict-imported = { $actors } aktor dan { $aliases } alias ditambahkan, { $unchanged } sudah ada; jalankan `pantau retag` agar berlaku untuk artikel yang tersimpan
cli-dict-actor-added = aktor { $code } ditambahkan; tambahkan alias dengan `pantau dictionary add-alias`
cli-dict-alias-added = alias { $id } ditambahkan; jalankan `pantau retag` agar berlaku untuk artikel yang tersimpan
cli-dict-alias-disabled = alias dinonaktifkan; jalankan `pantau retag` agar berlaku untuk artikel yang tersimpan
cli-dict-alias-enabled = alias diaktifkan; jalankan `pantau retag` agar berlaku untuk artikel yang tersimpan
cli-dict-exclusion-added = pengecualian { $id } ditambahkan; jalankan `pantau retag` agar berlaku untuk artikel yang tersimpan
cli-dict-alias-deleted = alias { $id } dihapus; jalankan `pantau retag` agar berlaku untuk artikel yang tersimpan
cli-dict-exclusion-deleted = pengecualian { $id } dihapus; jalankan `pantau retag` agar berlaku untuk artikel yang tersimpan
clierr-no-database = tidak ada basis data di { $path }
clierr-preparing-dictionary = menyiapkan kamus
clierr-importing = mengimpor ke { $path }
clierr-retagging = menandai ulang { $path }
clierr-indexing = memperbarui indeks teks lengkap
clierr-creating = membuat { $path }
clierr-opening = membuka { $path }
clierr-writing = menulis { $path }
clierr-unknown-value = { $what } { $value } tidak dikenal ({ $known })
clierr-must-be = { $what } harus salah satu dari { $known }, bukan { $value }
clierr-article-or-phrase = berikan --article atau --phrase

## Mengapa sebuah berkas tidak diimpor
reason-io = berkas tidak dapat dibaca: { $detail }
reason-directory = ini sebuah folder
reason-cancelled = dibatalkan setelah { $done } dari { $total } rekaman
reason-cancelled-read = dibatalkan setelah { $done } dari { $total } rekaman terbaca; tidak ada bagian berkas ini yang disimpan
reason-too-deep = elemen bersarang { $depth } tingkat (batasnya { $limit })
reason-internal = galat internal saat membaca berkas ini: { $detail }
reason-empty = berkas ini kosong
reason-binary = data biner, bukan teks ({ $detail })
reason-too-large = terlalu besar: { $size } bita, batasnya { $limit } bita
reason-not-an-article = berkas .{ $ext } bukan artikel (kode sumber, konfigurasi atau data program)
reason-unknown-format = format tidak didukung (teks, HTML, umpan RSS/Atom/JSON, JSON, JSONL, CSV/TSV, XLSX/XLS/ODS, DOCX, ODT, RTF, PDF, EML, MBOX, MHTML, WARC, ekspor Nexis dan Factiva, ZIP/tar/gzip/bzip2/xz/zstd)
reason-parse = { $format } rusak: { $detail }
reason-no-articles = tidak ada artikel dalam berkas { $format } ini{ $detail }
reason-link-loop = tautan simbolik berputar: dilewati

## Nilai tersimpan yang tampil di jendela
value-any-language = semua
value-via-name = nama
value-via-short = singkatan
value-via-demonym = kata sifat bangsa
value-via-place = tempat
value-case-exact = persis
value-case-fold = huruf apa pun
value-date-metadata = metadata
value-date-text = teks
value-date-url = alamat web (URL)
value-date-filename = nama berkas
value-date-user = diatur pengguna
value-date-capture = tanggal tangkapan
value-date-none = tanpa tanggal

## Bantuan setiap perintah dan opsi
clihelp-arg--actor = Kode aktor
clihelp-arg--actors = Kode-kode aktor, dipisah koma
clihelp-arg--alias = Teks alias (untuk --article; kosong = semua alias aktor itu)
clihelp-arg--article = Hanya di artikel ini (id)
clihelp-arg--bin = Lebar interval: day, week, month atau year (hari, minggu, bulan, tahun)
clihelp-arg--case = exact | fold (bawaan: exact untuk alias pendek berhuruf kapital semua, selain itu fold)
clihelp-arg--code = Kode (mis. JAD)
clihelp-arg--count = Hitung `articles` (setiap artikel tersimpan) atau `stories` (salinan yang nyaris sama dikelompokkan: tiap berita sekali, lewat artikel pertamanya)
clihelp-arg--country = Kode negara asal
clihelp-arg--db = Basis data: berkas (bawaan: pantau.db di folder data pengguna) atau postgres://pengguna@host/nama
clihelp-arg--excel = Awali dengan penanda urutan bita UTF-8 agar Excel membaca berkas sebagai UTF-8
clihelp-arg--fields = Baca sebuah bidang artikel dari bidang atau kolom rekaman ini, sebelum nama-nama yang biasa: `--field text=body_html --field date=meta.published` (title, text, date, url, source, id, language, byline, editor, section; nama bertitik melihat ke dalam objek)
clihelp-arg--file = Berkas CSV (kolom code, kind, type, name, alias, language, case_rule, via)
clihelp-arg--files = Berkas yang akan ditandai
clihelp-arg--from = Hari pertama (YYYY-MM-DD), termasuk; artikel tanpa tanggal tidak diikutkan bila diisi
clihelp-arg--id = Id pengecualian
clihelp-arg--json = Cetak JSON, bukan teks
clihelp-arg--kind = Jenis aktor yang diambil: country atau organization (negara atau organisasi)
clihelp-arg--language = Bahasa yang diambil (id, en, other), dipisah koma
clihelp-arg--limit = Cetak paling banyak sejumlah ini
clihelp-arg--max_file_mb = Tolak berkas yang lebih besar dari sekian megabita
clihelp-arg--min_count = Hanya nama yang ditemukan di sedikitnya sekian artikel
clihelp-arg--min_support = Jumlah unit bersama paling sedikit agar sebuah pasangan disimpan
clihelp-arg--name = Nama tampilan dalam bahasa Inggris
clihelp-arg--name_id = Nama tampilan dalam bahasa Indonesia
clihelp-arg--no_places = Jangan hitung ibu kota dan kota besar (disimpan sebagai pengaturan basis data)
clihelp-arg--org_type = Jenis organisasi (armed_group, government_body, ...)
clihelp-arg--out = Berkas keluaran; `-` untuk keluaran standar
clihelp-arg--paths = Berkas dan folder yang akan diimpor (folder beserta isinya)
clihelp-arg--phrase = Di mana pun frasa yang memuat alias ini muncul ("Jordan Henderson")
clihelp-arg--places = Hitung ibu kota dan kota besar untuk negaranya (disimpan sebagai pengaturan basis data)
clihelp-arg--prominence = Hitung hanya bila aktor disebut di `headline` (judul), di judul atau `lead` (paragraf pertama), atau `any` (di mana saja)
clihelp-arg--query = Kueri teks lengkap (sintaks SQLite FTS5) atas judul dan teks
clihelp-arg--source = Media yang diambil, dipisah koma
clihelp-arg--text = Teks alias
clihelp-arg--threads = Jumlah utas kerja (0 = satu per inti)
clihelp-arg--to = Hari terakhir (YYYY-MM-DD), termasuk
clihelp-arg--top = Simpan hanya N pasangan dengan unit bersama terbanyak
clihelp-arg--via = name | short | demonym | place
clihelp-arg--window = Unit yang harus dimuat bersama oleh dua aktor: article, paragraph atau sentence (artikel, paragraf, kalimat)
clihelp-candidates = Tampilkan nama dan akronim yang sering muncul tetapi belum tercakup aktor mana pun
clihelp-dictionary = Sunting, ekspor dan impor kamus sebuah basis data
clihelp-dictionary-add-actor = Tambah aktor
clihelp-dictionary-add-actor--kind = country | organization
clihelp-dictionary-add-alias = Tambah alias untuk aktor
clihelp-dictionary-add-alias--language = any | id | en
clihelp-dictionary-delete-alias = Hapus salah satu alias buatan pengguna menurut id (lihat `list`)
clihelp-dictionary-delete-alias--id = Id alias
clihelp-dictionary-delete-exclusion = Hapus pengecualian menurut id (lihat `list`)
clihelp-dictionary-disable-alias = Nonaktifkan alias (bawaan atau buatan pengguna)
clihelp-dictionary-disable-alias--language = any | id | en
clihelp-dictionary-enable-alias = Aktifkan kembali alias yang dinonaktifkan
clihelp-dictionary-enable-alias--language = any | id | en
clihelp-dictionary-exclude = Nyatakan bahwa sebuah alias bukan aktor itu di satu artikel atau di dalam sebuah frasa
clihelp-dictionary-export = Tulis kamus yang berlaku (bawaan ditambah suntingan basis data) sebagai CSV
clihelp-dictionary-export--out = Berkas CSV yang akan ditulis
clihelp-dictionary-import = Tambahkan aktor dan alias dari CSV kamus yang belum ada di basis data
clihelp-dictionary-list = Tampilkan aktor buatan pengguna, alias buatan pengguna dan yang dinonaktifkan, serta pengecualian
clihelp-export = Ekspor data bertanda, linimasa dan kemunculan bersama sebagai CSV, jaringan aktor sebagai GEXF
clihelp-export-articles = Satu baris per artikel
clihelp-export-cooccurrence = Kemunculan bersama: satu baris per pasangan aktor
clihelp-export-mentions = Satu baris per penyebutan
clihelp-export-network = Jaringan aktor sebagai GEXF 1.3 (untuk Gephi)
clihelp-export-timeline = Linimasa: satu baris per interval dan aktor
clihelp-import = Impor berkas dan folder artikel ke basis data
clihelp-import--places = Hitung ibu kota dan kota besar untuk negaranya (via = place; disimpan sebagai pengaturan basis data, dipakai bila tidak ada opsi yang diberikan)
clihelp-pantau = Dasbor pemantauan media: impor artikel berita, tandai negara dan organisasi, gambar linimasa dan kemunculan bersama
clihelp-retag = Tandai ulang setiap artikel tersimpan dengan kamus dan suntingan pengguna
clihelp-stats = Tampilkan isi basis data
clihelp-tag = Tampilkan penyebutan yang ditemukan di berkas, tanpa basis data
clihelp-tag--places = Hitung ibu kota dan kota besar untuk negaranya (via = place)
clierr-did-you-mean = mungkin maksud Anda: { $like }?
clierr-xlsx-stdout = buku kerja XLSX tidak bisa ditulis ke keluaran standar: berikan berkas dengan --out
clihelp-arg--a_from = Hari pertama sisi A (YYYY-MM-DD)
clihelp-arg--a_language = Bahasa sisi A (id, en, other), dipisah koma
clihelp-arg--a_source = Media sisi A, dipisah koma
clihelp-arg--a_to = Hari terakhir sisi A
clihelp-arg--b_from = Hari pertama sisi B
clihelp-arg--b_language = Bahasa sisi B, dipisah koma
clihelp-arg--b_source = Media sisi B, dipisah koma
clihelp-arg--b_to = Hari terakhir sisi B
clihelp-arg--format = csv atau xlsx (bawaan: xlsx untuk berkas .xlsx, selain itu csv). Berkas CSV mendapat asal-usulnya di sampingnya dalam BERKAS.csv.json; buku kerja memuatnya sebagai lembar
clihelp-arg--pairs = Tulis pasangan aktor yang muncul dan yang hilang, bukan aktornya
clihelp-export-compare = Dua periode, media atau bahasa dibandingkan: aktor yang naik dan turun (G², nilai p, rasio log), atau dengan --pairs pasangan yang muncul dan hilang
clihelp-export-outlets = Media × aktor: artikel setiap media yang menyebut setiap aktor, dan porsinya

## Tab Bandingkan dan Media
tab-compare = Bandingkan
tab-outlets = Media
menu-export-outlets = Media × aktor (CSV atau XLSX)…
menu-export-compare = Perbandingan (CSV atau XLSX)…
dialog-filter-xlsx = Buku kerja Excel
toolbar-export-table = Ekspor…
common-decimal = { $x }
common-percent = { $x }%
articles-drill-outlet-actor = Artikel { $source } yang menyebut { $actor }
outlets-sources-shown = Media:
outlets-actors-shown = Aktor:
outlets-colour-by = Warna menurut:
outlets-by-share = porsi artikel media itu
outlets-by-articles = artikel
outlets-empty = Tidak ada artikel yang lolos saringan.
outlets-more = { $sources ->
        [0] { $actors } aktor lagi tidak ditampilkan
       *[other] { $sources } media dan { $actors } aktor lagi tidak ditampilkan
    } (ekspor memuat semuanya).
outlets-cell-hint = { $source } · { $actor }: { $articles } dari { $total } artikel ({ $share }%). Klik untuk membacanya.
compare-by = Bandingkan:
compare-by-periods = dua periode
compare-by-outlets = dua media
compare-by-languages = dua bahasa
compare-significant = Hanya perubahan yang signifikan
compare-significant-hint = Hanya aktor yang perubahannya ber-p < 0,05 (log-likelihood G², satu derajat kebebasan)
compare-side = Sisi { $side }:
compare-pick-outlet = pilih media
compare-pick-language = pilih bahasa
compare-summary = Sisi A: { $a } artikel, sisi B: { $b } artikel; { $actors } aktor, yang paling berubah lebih dulu.
compare-empty-side = Salah satu sisi tidak punya artikel: atur tanggal, media atau bahasanya.
compare-appeared = Pasangan yang muncul ({ $count })
compare-vanished = Pasangan yang hilang ({ $count })
compare-more-pairs = dan { $count } lagi (ekspor memuat semuanya)
compare-chart = rasio log
compare-axis-log-ratio = log₂ porsi B atas porsi A (kanan: naik, kiri: turun)
compare-bar-hint = { $actor }: rasio log { $ratio }
compare-col-actor = Aktor
compare-col-a = Artikel A
compare-col-a-share = Porsi A
compare-col-b = Artikel B
compare-col-b-share = Porsi B
compare-col-change = Perubahan
compare-col-log-ratio = Rasio log
compare-col-llr = G²
compare-col-p = p
compare-actor-hint = Baca artikel yang menyebutnya
compare-p-tiny = < 0,001
clierr-unknown-actor = tidak ada aktor berkode { $code } (lihat `pantau dictionary list` atau daftar aktor di jendela)
clihelp-arg--max_context_articles = Jumlah terbanyak artikelnya yang dibaca (diambil merata; asal-usul mencatat berapa yang dibaca)
clihelp-arg--max_reference_articles = Jumlah terbanyak artikel lain yang dibaca sebagai pembanding
clihelp-export-profile = Bagaimana seorang aktor dibingkai: kata-kata yang menonjol dalam kalimat yang menyebutnya, dibanding sisa korpus (keyness log-likelihood)
clihelp-export-profile--min_count = Kemunculan paling sedikit dalam kalimat-kalimatnya agar sebuah kata disimpan

## Tab Profil
tab-profile = Profil
menu-export-profile = Kata-kata profil aktor (CSV atau XLSX)…
profile-actor = Aktor:
profile-actor-hint = kode, nama atau alias
profile-outlet = Media:
profile-next-to = dibanding:
profile-every-outlet = semua media
profile-no-outlet = tidak ada
profile-pick = Ketik nama aktor, atau tampilkan satu dari daftar di kiri.
profile-unknown = Tidak ada aktor dengan kode atau nama ini.
profile-summary = Disebut di { $articles } dari { $units } artikel.
profile-co-actors = Disebut bersamanya (artikel)
profile-outlets = Media yang meliputnya
profile-outlet-line = { $source }: { $articles } ({ $share }% artikelnya)
profile-words = Kata-kata dalam kalimat yang menyebutnya
profile-words-of = Kata-kata dalam kalimat { $source } yang menyebutnya
profile-read = dari { $read } di antara { $articles } artikelnya, dibanding { $others_read } dari { $others } artikel lain (diambil merata)
profile-no-words = Tidak ada kata yang menonjol (tiap kata harus muncul sedikitnya 3 kali dalam kalimat-kalimatnya).
profile-col-word = Kata
profile-col-here = Di sini
profile-col-elsewhere = Di tempat lain
profile-more-words = dan { $count } lagi (ekspor memuat semuanya)

## Grafik
chart-timeline-title = Artikel per { $bin }
chart-timeline-share-title = Porsi artikel per { $bin }
chart-axis-bin = Hari pertama interval
chart-axis-actors = Aktor
chart-axis-outlets = Media (artikel)
chart-outlets-title = Media × aktor: porsi artikel tiap media
chart-outlets-articles-title = Media × aktor: artikel
chart-compare-title = Aktor yang naik dan turun antara sisi A dan sisi B
cli-chart-written = grafik ditulis ke { $path }
clierr-chart-stdout = grafik tidak bisa ditulis ke keluaran standar: berikan berkas .svg atau .png dengan --out
clihelp-arg--actors_shown = Aktor yang ditampilkan (yang artikelnya terbanyak di media-media itu)
clihelp-arg--by_articles = Warnai menurut jumlah artikel, bukan porsi artikel media itu
clihelp-arg--height = Tinggi dalam piksel
clihelp-arg--share = Gambar porsi artikel interval untuk tiap aktor, bukan jumlah artikelnya
clihelp-arg--sources_shown = Media yang ditampilkan (yang artikelnya terbanyak)
clihelp-arg--width = Lebar dalam piksel
clihelp-export-chart = Grafik untuk laporan sebagai SVG atau PNG (menurut ekstensi berkas), dengan judul, legenda, label sumbu dan baris sumber
clihelp-export-chart-compare = Aktor yang paling berubah antara dua sisi sebagai batang divergen
clihelp-export-chart-outlets = Media × aktor sebagai peta panas
clihelp-export-chart-timeline = Linimasa beberapa aktor (--actors; kosong = 10 aktor dengan artikel terbanyak)
toolbar-save-chart = Simpan grafik…
notice-chart-saved = Grafik disimpan ke { $path }.

## Tampilan tersimpan
menu-save-view = Simpan tampilan…
menu-saved-views = Tampilan tersimpan
menu-import-view = Impor tampilan…
views-none = Belum ada tampilan tersimpan.
views-open-hint = Buka tampilan ini (disimpan { $saved })
views-export = Ekspor…
views-export-hint = Tulis tampilan ini ke berkas untuk dibagikan
views-delete = Hapus tampilan ini
views-save-title = Simpan tampilan
connect-title = Sambungkan ke server
connect-explain = Basis data pantau sebuah tim di PostgreSQL. Semua yang tersambung melihat artikel dan kamus yang sama.
connect-address = Alamat
connect-recent = Terakhir:
connect-password = Kata sandi
connect-password-hint = kosong: dari PGPASSWORD atau ~/.pgpass
connect-connect = Sambungkan
connect-connecting = menyambungkan…
views-name = Nama:
views-name-hint = mis. Rusia dan Turki, 2020
views-save = Simpan
dialog-export-view = Ekspor tampilan
dialog-import-view = Impor tampilan
dialog-filter-view = tampilan pantau
notice-view-saved = Tampilan "{ $name }" disimpan.
notice-view-opened = Tampilan "{ $name }" dibuka.
notice-view-missing = Tidak ada tampilan tersimpan "{ $name }".
notice-view-deleted = Tampilan "{ $name }" dihapus.
notice-view-exported = Tampilan "{ $name }" ditulis ke { $path }.
notice-view-imported = Tampilan "{ $name }" diimpor dan dibuka.
clihelp-arg--max_nodes = Dengan --bin: aktor dengan artikel terbanyak yang disimpan sebagai simpul
clihelp-export-network--bin = Tulis jaringan dinamis dengan satu rentang waktu per interval (day, week, month, year) yang bisa diputar linimasa Gephi

## Tab Jaringan
tab-network = Jaringan
network-nodes = Simpul:
network-edges-by = Garis menurut:
network-export-gexf = Ekspor GEXF…
network-time = Waktu:
network-whole-period = seluruh periode
network-bin-of = { $bin } mulai { $start }
network-empty = Tidak ada pasangan aktor yang lolos saringan dan dukungan minimum.
network-summary = { $nodes } aktor, { $edges } pasangan; { $left } aktor lagi tidak ditampilkan (naikkan Simpul untuk melihatnya). Seret untuk menggeser, gulir dengan Ctrl untuk memperbesar; klik aktor untuk menampilkannya di linimasa, klik garis untuk membaca artikelnya.
network-node-hint = { $actor }: { $articles } artikel. Klik untuk menampilkannya.
network-edge-hint = { $a } + { $b }: { $measure } { $value }. Klik untuk membaca artikelnya.
chart-network-title = Jaringan aktor: aktor yang disebut bersama
chart-network-bin-title = Jaringan aktor pada { $bin } mulai { $start }
clihelp-export-chart-network = Jaringan aktor sesuai tata letaknya
clihelp-export-chart-network--max_nodes = Aktor dengan artikel terbanyak yang disimpan sebagai simpul
articles-drill-within = { $what } (dihitung dalam: { $within })
compare-side-hint = Baca artikel sisi ini yang menyebutnya
compare-overlap = Kedua sisi berbagi artikel (periode yang tumpang tindih, atau media atau bahasa yang sama): G² dan p mengandaikan dua himpunan yang terpisah.
compare-pick-both = Pilih media atau bahasa untuk setiap sisi.
cli-compare-overlap = peringatan: kedua sisi berbagi artikel (tanggal, media dan bahasanya bertemu); G² dan p mengandaikan dua himpunan yang terpisah — berikan --a-from/--a-to dan --b-from/--b-to, atau --a-source/--b-source, atau --a-language/--b-language
views-replaces = Sudah ada tampilan tersimpan dengan nama ini: menyimpan akan menggantinya.
chart-source = Sumber: pantau { $version } · { $database } ({ $articles } artikel) · { $filter } · dihitung per { $counting } · { $date }
chart-no-filter = tanpa saringan
chart-counting-articles = artikel
chart-counting-stories = berita
chart-legend-rose = naik (B di atas A)
chart-legend-fell = turun
clierr-network-xlsx = jaringan adalah graf (GEXF), bukan tabel: berikan berkas .gexf
clierr-network-top-bin = --top menyimpan pasangan satu jaringan; dengan --bin pakai --max-nodes
notice-view-not-a-view = { $path } bukan tampilan pantau: { $detail }
notice-view-too-new = { $path } ditulis oleh pantau yang lebih baru (versi tampilan { $found }; versi ini membaca { $known })
notice-view-no-name = { $path }: tampilan itu tidak bernama
profile-or-period = atau periode:
profile-words-in = Kata-kata dalam kalimat yang menyebutnya, { $period }
clihelp-copy = Salin seluruh korpus antara berkas basis data dan server PostgreSQL
clihelp-copy--from = Basis data yang disalin: berkas, atau postgres://pengguna@host/nama
clihelp-copy--to = Tujuan salinan: berkas baru, atau basis data kosong di server
cli-password-prompt = Kata sandi { $user } di { $host }:{" "}
cli-copy-bar = {"{"}spinner{"}"} menyalin {"{"}msg{"}"}: {"{"}pos{"}"} baris [{"{"}elapsed{"}"}]
cli-copy-summary = { $from } disalin ke { $to }: { $articles } artikel, { $mentions } sebutan; jumlah baris setiap tabel di kedua sisi sama ({ $seconds } dtk)
clierr-copy-sides = satu sisi pantau copy harus berkas basis data dan sisi lainnya alamat postgres://
