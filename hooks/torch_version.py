"""Put the installed torch version on the pages, so it is never typed by hand.

Pages write `{{ torch_version }}`; the value is read from the environment that
builds the site, which is the same environment whose test run checked every
snippet output against that torch.
"""

from importlib.metadata import version

TOKEN = "{{ torch_version }}"


def on_config(config):
    config.extra["torch_version"] = version("torch")
    return config


def on_page_markdown(markdown, page, config, files):
    return markdown.replace(TOKEN, config.extra["torch_version"])
