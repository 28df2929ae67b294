"""The Dockerfile gives a ready `stakecheck`. Building an image takes minutes, so this runs only
with STAKECHECK_DOCKER_TEST=1 and a working container runtime (docker or podman); otherwise it
is skipped with the reason."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def runtime() -> str | None:
    for tool in ("docker", "podman"):
        if shutil.which(tool) and subprocess.run([tool, "info"], capture_output=True).returncode == 0:
            return tool
    return None


def test_dockerfile_names_a_supported_python():
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "python:3.12" in text and 'ENTRYPOINT ["stakecheck"]' in text


@pytest.mark.skipif(os.environ.get("STAKECHECK_DOCKER_TEST") != "1",
                    reason="set STAKECHECK_DOCKER_TEST=1 to build and run the image (slow)")
def test_image_builds_and_checks_the_seed():
    tool = runtime()
    if tool is None:
        pytest.skip("no working container runtime (docker or podman)")
    tag = "stakecheck-test:latest"
    subprocess.run([tool, "build", "-t", tag, str(ROOT)], check=True, timeout=1800)
    proc = subprocess.run([tool, "run", "--rm", "--network", "none", "-v", f"{ROOT / 'examples'}:/work:ro", tag,
                           "check", "--fail-on", "never", "--format", "json", "."],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert '"schema": "stakecheck/v1"' in proc.stdout
