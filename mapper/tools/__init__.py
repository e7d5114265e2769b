"""Tools: what each command does, as one library call.

Each tool checks every option first (:mod:`mapper.tools.options`), reads its inputs once
through the pipeline (:mod:`mapper.pipeline`), hands the incidents to a renderer
(:mod:`mapper.render`) that returns an object, and writes the files; it returns a
:class:`~mapper.tools.summary.Written` whose ``message()`` is the command's summary line.
The command line (:mod:`mapper.cli`) only parses options and calls one of these.

========================  ====================================================
``mapper extract``        :func:`mapper.tools.extract.run_extract`
``mapper incidents``      :func:`mapper.tools.records.convert`
``mapper map``            :func:`mapper.tools.maps.make_map`
``mapper static``         :func:`mapper.tools.maps.make_static`
``mapper report``         :func:`mapper.tools.report.make_report`
``mapper demo``           :func:`mapper.tools.demo.run_demo`
``mapper geocode``        :func:`mapper.geoparse.gazetteers.geocode`
``mapper eval``           :func:`mapper.evaluate.evaluate_folder`
``mapper snapshot``       :func:`mapper.render.browser.snapshot`
========================  ====================================================
"""
