"""Give every language's build the stylesheets, scripts and figures in docs/assets/.

MkDocs reads one docs_dir per build (docs/ko, docs/en), and the two languages
share these files. Kept once in docs/assets/, they are added to each build's
files as `assets/...`: a page links a figure as `assets/images/...`, and the
English site gets its own copy under en/assets/, as a build of its own must.
"""

from pathlib import Path

from mkdocs.structure.files import File

FOLDER = "assets"


def on_files(files, config):
    docs = Path(config.docs_dir).parent  # docs/, which holds docs/<lang>/ and docs/assets/
    for path in sorted((docs / FOLDER).rglob("*")):
        if path.is_file():
            files.append(File(path.relative_to(docs).as_posix(), str(docs), config.site_dir, config.use_directory_urls))
    return files
