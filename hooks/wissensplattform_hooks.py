"""MkDocs hooks (named in mkdocs.yml): the MkDocs adapter of the package does the work."""

from wissensplattform.builders.mkdocs import (  # noqa: F401 - MkDocs looks the hooks up by name
    on_config, on_env, on_files, on_page_content, on_page_context, on_page_markdown, on_post_build, on_post_page,
    on_post_template, on_serve, on_startup,
)
