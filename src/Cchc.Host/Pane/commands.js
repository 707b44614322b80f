// Office waits for onReady before it considers the function file loaded.
Office.onReady(function () {});
