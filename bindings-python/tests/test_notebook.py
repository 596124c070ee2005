"""Charts display inline in a real Jupyter kernel: a notebook runs through nbclient and
its cells' outputs carry the SVG as ``image/svg+xml``, byte for byte the chart's SVG."""

import nbclient
import nbformat

import pmkit


def test_charts_show_inline_in_a_notebook() -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "import pmkit\n"
            "report = pmkit.sprint_report(pmkit.sample_sprint())\n"
            "report.chart(theme='dark')"
        ),
        nbformat.v4.new_code_cell("pmkit.forecast_when(30, [2, 3, 1, 4, 0, 2], seed=1).chart()"),
        nbformat.v4.new_code_cell("pmkit.velocity_chart([])"),
    ]
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120).execute()

    outputs = [cell.outputs for cell in notebook.cells]
    assert all(len(cell_outputs) == 1 for cell_outputs in outputs), outputs
    shown = [cell_outputs[0]["data"]["image/svg+xml"] for cell_outputs in outputs]

    report = pmkit.sprint_report(pmkit.sample_sprint())
    assert shown[0] == report.chart(theme="dark").svg
    assert shown[1] == pmkit.forecast_when(30, [2, 3, 1, 4, 0, 2], seed=1).chart().svg
    # An empty history is a picture with a note, not an error.
    assert "No sprints to draw" in shown[2]
